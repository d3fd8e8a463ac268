/** A countdown to an instant, ticking each second. */
import { useEffect, useState } from "react";

export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}

export function Clock({ until, label }: { until: string; label: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = new Date(until).getTime() - now;
  return (
    <span className="clock" role="timer" aria-label={`${label}: ${formatSpan(left)}`} data-testid="clock">
      {label} <strong>{formatSpan(left)}</strong>
    </span>
  );
}
