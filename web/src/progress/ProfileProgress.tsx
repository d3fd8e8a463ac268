/**
 * The profile's progress: solved per difficulty, streak, XP and rank from the public profile's
 * `stats`, and the achievements earned and still open (`GET /api/users/{id}/achievements`).
 */
import { useEffect, useRef } from "react";
import { Link, useLocation } from "react-router-dom";
import { progressApi } from "../api/progress";
import { plural } from "./format";
import { ResourceState } from "./ResourceState";
import { useResource } from "./useResource";

export function ProgressStats({ userId }: { userId: number }) {
  const stats = useResource(() => progressApi.stats(userId), [userId]);
  const s = stats.data;
  if (!stats.loading && !stats.error && !s) return null; // a server without stats: nothing to show
  return (
    <section className="card" aria-labelledby="stats-title" data-testid="profile-stats">
      <h2 id="stats-title">Progress</h2>
      <ResourceState resource={stats} what="the progress" />
      {s && (
        <dl className="facts">
          <dt>Solved</dt>
          <dd data-testid="stats-solved">
            {s.solved.total}{" "}
            <span className="muted">
              ({s.solved.easy} easy, {s.solved.medium} medium, {s.solved.hard} hard)
            </span>
          </dd>
          <dt>Streak</dt>
          <dd>
            {plural(s.streak.current, "day")} <span className="muted">(longest {plural(s.streak.longest, "day")})</span>
          </dd>
          <dt>Experience</dt>
          <dd data-testid="stats-xp">{s.xp.toLocaleString()} XP</dd>
          <dt>XP rank</dt>
          <dd>{s.rank ? <Link to="/leaderboards">#{s.rank}</Link> : "—"}</dd>
        </dl>
      )}
    </section>
  );
}

export function AchievementsCard({ userId, own }: { userId: number; own: boolean }) {
  const data = useResource(() => progressApi.achievements(userId), [userId]);
  const a = data.data;
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    // Opened from an achievement notification: bring the list into view once it is there.
    if (a && hash === "#achievements") {
      section.current?.scrollIntoView({ block: "start" });
      section.current?.focus();
    }
  }, [a, hash]);
  return (
    <section ref={section} className="card" id="achievements" aria-labelledby="achievements-title" tabIndex={-1}>
      <h2 id="achievements-title">Achievements</h2>
      <ResourceState resource={data} what="achievements" />
      {a && (
        <>
          <p className="muted">
            {a.earned.length} of {a.earned.length + a.available.length} earned
          </p>
          {a.earned.length > 0 ? (
            <ul className="badges" data-testid="achievements-earned">
              {a.earned.map((e) => (
                <li key={e.code} className="badge-item earned" data-code={e.code}>
                  <span className="badge-icon" aria-hidden="true">★</span>
                  <span>
                    <strong>{e.title}</strong>
                    <span className="muted"> — {e.description}</span>
                    <br />
                    <span className="muted small-text">
                      Earned <time dateTime={e.earned_at}>{new Date(e.earned_at).toLocaleDateString()}</time>
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{own ? "None yet: solve your first problem to earn one." : "None yet."}</p>
          )}
          {a.available.length > 0 && (
            <details className="locked">
              <summary>Still to earn ({a.available.length})</summary>
              <ul className="badges" data-testid="achievements-available">
                {a.available.map((e) => (
                  <li key={e.code} className="badge-item" data-code={e.code}>
                    <span className="badge-icon" aria-hidden="true">☆</span>
                    <span>
                      <strong>{e.title}</strong>
                      <span className="muted"> — {e.description}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
