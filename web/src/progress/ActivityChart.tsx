/**
 * The last 30 days as a chart (uPlot: small, canvas, no dependencies): submissions as bars,
 * accepted ones as a line. The figure's caption says the totals in words, and a hidden table
 * carries every day for screen readers, since a canvas says nothing by itself.
 */
import "uplot/dist/uPlot.min.css";
import { useEffect, useMemo, useRef } from "react";
import uPlot from "uplot";
import type { ActivityDay } from "../api/types";

const DAYS = 30;

/** The last `DAYS` UTC days ending today, zero where the server sent nothing. */
export function lastDays(days: ActivityDay[], today = new Date()): ActivityDay[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out: ActivityDay[] = [];
  for (let i = DAYS - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i)).toISOString().slice(0, 10);
    out.push(byDate.get(date) ?? { date, submissions: 0, accepted: 0 });
  }
  return out;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const box = useRef<HTMLDivElement>(null);
  const series = useMemo(() => lastDays(days), [days]);
  const submissions = series.reduce((n, d) => n + d.submissions, 0);
  const accepted = series.reduce((n, d) => n + d.accepted, 0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = series.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
    const text = cssVar("--text", "#222");
    const grid = cssVar("--border", "#ddd");
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: 200,
        // Half a day of margin each side, or the first and last bars are cut in half.
        scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: (_u, _min, max) => [0, Math.max(4, max + 1)] } },
        axes: [axis, { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100] }],
        legend: { show: true },
        series: [
          {},
          { label: "Submissions", stroke: cssVar("--accent", "#2456c9"), fill: cssVar("--accent", "#2456c9") + "55", paths: uPlot.paths.bars!({ size: [0.7, 24] }) },
          { label: "Accepted", stroke: cssVar("--ok", "#146c2e"), width: 2, points: { size: 5 } },
        ],
      },
      [xs, series.map((d) => d.submissions), series.map((d) => d.accepted)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: 200 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series]);

  return (
    <figure className="activity-chart" data-testid="activity-chart" data-submissions={submissions} data-accepted={accepted}>
      <div ref={box} aria-hidden="true" />
      <figcaption>
        Last {DAYS} days: {submissions} {submissions === 1 ? "submission" : "submissions"}, {accepted} accepted.
      </figcaption>
      <table className="visually-hidden">
        <caption>Submissions per day, last {DAYS} days</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Submissions</th><th scope="col">Accepted</th></tr></thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.date}><td>{d.date}</td><td>{d.submissions}</td><td>{d.accepted}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
