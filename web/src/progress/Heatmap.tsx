/**
 * A year of activity as a calendar heat-map (plain SVG, one square per UTC day, weeks as
 * columns), a sentence that sums it up, and the active days as a list for screen readers.
 */
import { useEffect, useRef } from "react";
import type { ActivityDay } from "../api/types";
import { dayLabel, plural } from "./format";

const CELL = 12;
const GAP = 3;
const TOP = 16;
const LEFT = 28;
const WEEKDAYS = ["", "Mon", "", "Wed", "", "Fri", ""];

/** 0 for no submissions, else 1..4 by share of the busiest day. */
export function level(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max)));
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

function describe(d: ActivityDay): string {
  if (!d.submissions) return `No submissions on ${dayLabel(d.date)}`;
  const xp = d.xp ? `, ${d.xp} XP` : "";
  return `${plural(d.submissions, "submission")}, ${d.accepted} accepted${xp} on ${dayLabel(d.date)}`;
}

export function Heatmap({ days }: { days: ActivityDay[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The newest days are on the right: show them first on a narrow screen.
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [days]);

  if (days.length === 0) return <p className="muted">No activity yet.</p>;
  const offset = weekday(days[0].date);
  const weeks = Math.ceil((offset + days.length) / 7);
  const max = Math.max(0, ...days.map((d) => d.submissions));
  const total = days.reduce((s, d) => s + d.submissions, 0);
  const accepted = days.reduce((s, d) => s + d.accepted, 0);
  const active = days.filter((d) => d.submissions > 0);
  const width = LEFT + weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);

  const months: { x: number; label: string }[] = [];
  days.forEach((d, i) => {
    if (d.date.endsWith("-01") || i === 0) {
      const col = Math.floor((offset + i) / 7);
      const label = dayLabel(d.date, { month: "short" });
      if (!months.length || col - (months.at(-1)!.x - LEFT) / (CELL + GAP) >= 3) {
        months.push({ x: LEFT + col * (CELL + GAP), label });
      }
    }
  });

  const summary =
    `${plural(total, "submission")} (${accepted} accepted) on ${plural(active.length, "day")} ` +
    `between ${dayLabel(days[0].date)} and ${dayLabel(days.at(-1)!.date)}.`;

  return (
    <div className="heatmap">
      <div className="heatmap-scroll" ref={scroller}>
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Activity calendar: ${summary}`}
          data-testid="heatmap"
        >
          {months.map((m) => (
            <text key={`${m.x}-${m.label}`} x={m.x} y={10} className="heatmap-label">{m.label}</text>
          ))}
          {WEEKDAYS.map((w, i) =>
            w ? (
              <text key={w} x={0} y={TOP + i * (CELL + GAP) + CELL - 2} className="heatmap-label">{w}</text>
            ) : null,
          )}
          {days.map((d, i) => {
            const col = Math.floor((offset + i) / 7);
            const row = (offset + i) % 7;
            return (
              <rect
                key={d.date}
                x={LEFT + col * (CELL + GAP)}
                y={TOP + row * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
                className={`heat-${level(d.submissions, max)}`}
                data-date={d.date}
                data-count={d.submissions}
              >
                <title>{describe(d)}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="heatmap-foot">
        <p className="muted" data-testid="heatmap-summary">{summary}</p>
        <span className="heatmap-legend" aria-hidden="true">
          Less
          {[0, 1, 2, 3, 4].map((l) => (
            <svg key={l} width={CELL} height={CELL}><rect width={CELL} height={CELL} rx={2} className={`heat-${l}`} /></svg>
          ))}
          More
        </span>
      </div>
      {active.length > 0 && (
        <details className="heatmap-days">
          <summary>Active days ({active.length})</summary>
          <ul>
            {[...active].reverse().map((d) => (
              <li key={d.date}>{describe(d)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
