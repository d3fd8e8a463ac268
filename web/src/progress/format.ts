/** Small wording helpers shared by the progress pages. */
import { LANGUAGES } from "../api/types";

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const languageLabel = (id: string) => LANGUAGES.find((l) => l.id === id)?.label ?? id;

/** A UTC day ("YYYY-MM-DD") as the reader's long date, without shifting it by their time zone. */
export function dayLabel(day: string, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { ...opts, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "3 minutes ago", "yesterday", or the date for older instants. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  if (seconds < 45) return "just now";
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), "minute");
  if (seconds < 86400) return rtf.format(-Math.round(seconds / 3600), "hour");
  if (seconds < 7 * 86400) return rtf.format(-Math.round(seconds / 86400), "day");
  return new Date(iso).toLocaleDateString();
}

export const percent = (n: number) => `${Math.round(n * 10) / 10}%`;
