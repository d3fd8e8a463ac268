/** `/daily`: today's challenge and the last 30 days' (`GET /api/daily-challenge/history`). */
import { Link } from "react-router-dom";
import { progressApi } from "../api/progress";
import { useApp } from "../context";
import { DailyCard, StatusChip } from "../progress/DailyCard";
import { dayLabel, plural } from "../progress/format";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";

export function DailyHistory() {
  const { user } = useApp();
  const history = useResource(() => progressApi.dailyHistory(30), [user?.id]);
  const items = history.data?.items ?? [];
  const solved = items.filter((i) => i.status === "solved").length;
  return (
    <div className="page">
      <h1>Daily challenge</h1>
      <DailyCard heading="Today" />
      <section className="card history" aria-labelledby="history-title">
        <h2 id="history-title">The last 30 days</h2>
        <ResourceState resource={history} what="past challenges" />
        {history.data && items.length === 0 && <p className="muted">No past challenges yet.</p>}
        {user && items.length > 0 && (
          <p className="muted" data-testid="history-solved">
            You solved {solved} of {plural(items.length, "challenge")}.
          </p>
        )}
        {items.length > 0 && (
          <ul className="problem-list" data-testid="daily-history">
            {items.map((i) => (
              <li key={i.date}>
                <span className="history-date">{dayLabel(i.date)}</span>
                <Link to={`/problems/${i.problem.slug}`}>{i.problem.title}</Link>
                <span className={`difficulty ${i.problem.difficulty}`}>{i.problem.difficulty}</span>
                <StatusChip status={i.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
