/**
 * `/dashboard`: your progress at a glance. Totals, streak and XP (`GET /api/analytics/dashboard`),
 * solved against the bank per difficulty and topic, the language mix, recent submissions, the
 * daily challenge and a year of activity (`GET /api/analytics/activity`).
 */
import { Link } from "react-router-dom";
import { progressApi } from "../api/progress";
import type { Dashboard as DashboardData, SolvedOf } from "../api/types";
import { VERDICTS } from "../components/Results";
import { DailyCard } from "../progress/DailyCard";
import { ago, languageLabel, percent, plural } from "../progress/format";
import { ActivityChart } from "../progress/ActivityChart";
import { Heatmap } from "../progress/Heatmap";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";

function Tile({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <strong className="tile-value" data-testid={`${testId}-value`}>{value}</strong>
        {note && <span className="muted tile-note">{note}</span>}
      </dd>
    </div>
  );
}

/** One "solved n of m" line with a bar; the words carry the numbers, the bar is decoration. */
function SolvedBar({ label, row, kind }: { label: string; row: SolvedOf; kind?: string }) {
  const share = row.total > 0 ? Math.min(100, (100 * row.solved) / row.total) : 0;
  return (
    <li className="solved-row" data-testid="solved-row" data-label={label} data-solved={row.solved}>
      <span className={kind ? `difficulty ${kind}` : "solved-label"}>{label}</span>
      <span className="bar" aria-hidden="true"><span className={`bar-fill ${kind ?? ""}`} style={{ width: `${share}%` }} /></span>
      <span className="solved-count">
        {row.solved} <span className="muted">of {row.total}</span>
      </span>
    </li>
  );
}

function Languages({ data }: { data: DashboardData }) {
  const rows = [...data.languages].sort((a, b) => b.submissions - a.submissions);
  const total = rows.reduce((s, r) => s + r.submissions, 0);
  if (total === 0) return <p className="muted">No submissions yet.</p>;
  return (
    <>
      <div className="mix" aria-hidden="true">
        {rows.map((r, i) => (
          <span key={r.language} className={`mix-part mix-${i % 5}`} style={{ width: `${(100 * r.submissions) / total}%` }} />
        ))}
      </div>
      <ul className="mix-legend">
        {rows.map((r, i) => (
          <li key={r.language}>
            <span className={`mix-dot mix-${i % 5}`} aria-hidden="true" />
            <strong>{languageLabel(r.language)}</strong>{" "}
            <span className="muted">
              {plural(r.submissions, "submission")} ({percent((100 * r.submissions) / total)}) · {r.solved} solved
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Recent({ data }: { data: DashboardData }) {
  if (data.recent.length === 0) {
    return (
      <p className="muted">
        Nothing yet. <Link to="/problems">Pick a problem</Link> to start.
      </p>
    );
  }
  return (
    <ul className="activity" data-testid="dashboard-recent">
      {data.recent.map((s) => (
        <li key={s.submission_id}>
          <span
            className={`verdict-chip ${s.verdict === "AC" ? "ok" : s.verdict ? "bad" : ""}`}
            title={s.verdict ? (VERDICTS[s.verdict] ?? s.verdict) : "Judging"}
          >
            {s.verdict ?? "…"}
          </span>
          {s.problem_slug ? (
            <Link to={`/problems/${s.problem_slug}`}>{s.problem_title || s.problem_slug}</Link>
          ) : (
            <span>Custom input</span>
          )}
          <span className="muted">
            {languageLabel(s.language)} · <time dateTime={s.created_at} title={new Date(s.created_at).toLocaleString()}>{ago(s.created_at)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

function ActivityCard() {
  const activity = useResource(() => progressApi.activity(365), []);
  return (
    <section className="card span-2" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity this year</h2>
      <ResourceState resource={activity} what="your activity" />
      {activity.data && <ActivityChart days={activity.data.days} />}
      {activity.data && <Heatmap days={activity.data.days} />}
    </section>
  );
}

export function Dashboard() {
  const dash = useResource(progressApi.dashboard, []);
  const d = dash.data;
  const topics = d ? [...d.by_topic].sort((a, b) => b.solved - a.solved || b.total - a.total || a.topic.localeCompare(b.topic)) : [];
  return (
    <div className="page wide dashboard">
      <h1>Your progress</h1>
      <ResourceState resource={dash} what="your dashboard" />
      {d && (
        <dl className="tiles" aria-label="Totals">
          <Tile testId="tile-solved" label="Problems solved" value={String(d.totals.solved)} note={`${d.totals.attempted} attempted`} />
          <Tile
            testId="tile-streak"
            label="Current streak"
            value={plural(d.streak.current, "day")}
            note={`longest ${plural(d.streak.longest, "day")}`}
          />
          <Tile testId="tile-xp" label="Experience" value={`${d.xp.toLocaleString()} XP`} />
          <Tile
            testId="tile-acceptance"
            label="Acceptance"
            value={percent(d.totals.acceptance_rate)}
            note={`${d.totals.accepted} of ${plural(d.totals.submissions, "submission")}`}
          />
        </dl>
      )}
      <div className="dash-grid">
        <DailyCard />
        {d && (
          <section className="card" aria-labelledby="difficulty-title">
            <h2 id="difficulty-title">Solved by difficulty</h2>
            <ul className="solved-list" data-testid="by-difficulty">
              {d.by_difficulty.map((r) => (
                <SolvedBar key={r.difficulty} label={r.difficulty} kind={r.difficulty} row={r} />
              ))}
            </ul>
          </section>
        )}
        <ActivityCard />
        {d && (
          <section className="card" aria-labelledby="topic-title">
            <h2 id="topic-title">Solved by topic</h2>
            {topics.length === 0 ? (
              <p className="muted">No topics in the bank.</p>
            ) : (
              <ul className="solved-list topics-list" data-testid="by-topic" tabIndex={0} aria-labelledby="topic-title">
                {topics.map((r) => (
                  <SolvedBar key={r.topic} label={r.topic} row={r} />
                ))}
              </ul>
            )}
          </section>
        )}
        {d && (
          <section className="card" aria-labelledby="languages-title">
            <h2 id="languages-title">Languages</h2>
            <Languages data={d} />
          </section>
        )}
        {d && (
          <section className="card span-2" aria-labelledby="recent-title">
            <h2 id="recent-title">Recent submissions</h2>
            <Recent data={d} />
          </section>
        )}
      </div>
    </div>
  );
}
