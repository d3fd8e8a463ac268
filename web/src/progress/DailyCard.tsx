/** Today's daily challenge: the problem, your status, the bonus and how many solved it. */
import { Link } from "react-router-dom";
import { progressApi } from "../api/progress";
import type { ChallengeStatus } from "../api/types";
import { useApp } from "../context";
import { plural } from "./format";
import { ResourceState } from "./ResourceState";
import { useResource } from "./useResource";

export const STATUS_WORDS: Record<ChallengeStatus, string> = {
  solved: "Solved",
  attempted: "Attempted",
  none: "Not started",
};

export function StatusChip({ status }: { status: ChallengeStatus | null }) {
  if (!status) return null;
  return (
    <span className={`status-chip ${status}`} data-testid="daily-status" data-status={status}>
      {status === "solved" ? "✓ " : ""}
      {STATUS_WORDS[status]}
    </span>
  );
}

export function DailyCard({ compact = false, heading = "Daily challenge" }: { compact?: boolean; heading?: string }) {
  const { user } = useApp();
  const daily = useResource(progressApi.daily, [user?.id]);
  const d = daily.data;
  // On the problem list a server without daily challenges just shows no card.
  if (compact && daily.missing) return null;
  return (
    <section className={`card daily${compact ? " compact" : ""}`} aria-labelledby="daily-title" data-testid="daily-card">
      <div className="daily-head">
        <h2 id="daily-title">{heading}</h2>
        {d && <span className="muted">{new Date(`${d.date}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" })}</span>}
      </div>
      <ResourceState resource={daily} what="the daily challenge" />
      {d && (
        <>
          <p className="daily-problem">
            <Link to={`/problems/${d.problem.slug}`} data-testid="daily-link">{d.problem.title}</Link>{" "}
            <span className={`difficulty ${d.problem.difficulty}`}>{d.problem.difficulty}</span>{" "}
            <StatusChip status={d.status} />
          </p>
          {!compact && d.problem.topics.length > 0 && (
            <p className="meta">{d.problem.topics.map((t) => <span key={t} className="chip">{t}</span>)}</p>
          )}
          <p className="muted">
            {d.bonus_xp > 0 && <>Solve it today for <strong>+{d.bonus_xp} XP</strong> bonus. </>}
            {d.solved_count > 0 ? `${plural(d.solved_count, "person has", "people have")} solved it today.` : "Nobody has solved it yet today."}
            {!user && <> <Link to="/signin">Sign in</Link> to take part.</>}
          </p>
          {heading === "Daily challenge" && (
            <p className="daily-links">
              <Link to="/daily">Past challenges</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
