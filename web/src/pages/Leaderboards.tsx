/**
 * `/leaderboards`: boards as tabs (all-time XP, problems solved, this week, today, per topic),
 * paging, and your own rank with the people just above and below you. Board, topic and page
 * live in the URL so a board can be linked.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../api/http";
import { progressApi } from "../api/progress";
import type { Board, LeaderRow, ProblemPage } from "../api/types";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";

const PER_PAGE = 20;

const BOARDS: { id: Board; label: string; score: string; unit: string; about: string }[] = [
  { id: "xp", label: "All-time XP", score: "XP", unit: "XP", about: "Experience points earned since joining." },
  { id: "solved", label: "Problems solved", score: "Solved", unit: "solved", about: "Different problems solved." },
  { id: "weekly", label: "This week", score: "XP this week", unit: "XP this week", about: "Experience earned since Monday (UTC)." },
  { id: "daily", label: "Daily challenges", score: "Challenges", unit: "challenges", about: "Daily challenges solved on their day." },
  { id: "topic", label: "By topic", score: "Solved", unit: "solved", about: "Problems solved in one topic." },
];

const isBoard = (b: string | null): b is Board => BOARDS.some((x) => x.id === b);

function Rows({ rows, me, score, testId }: { rows: LeaderRow[]; me?: number; score: string; testId: string }) {
  return (
    <table className="scoreboard leaderboard" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Person</th>
          <th scope="col">{score}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.user_id}
            className={r.user_id === me ? "me" : undefined}
            aria-current={r.user_id === me ? "true" : undefined}
            data-testid="leader-row"
            data-user={r.user_id}
            data-rank={r.rank}
          >
            <td>{r.rank}</td>
            <th scope="row">
              <Link to={`/users/${r.user_id}`}>{r.display_name}</Link>
              {r.user_id === me && <span className="you"> (you)</span>}
            </th>
            <td>{r.score.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Leaderboards() {
  const { user } = useApp();
  const [params, setParams] = useSearchParams();
  const boardParam = params.get("board");
  const board: Board = isBoard(boardParam) ? boardParam : "xp";
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const [topics, setTopics] = useState<string[]>([]);
  const topic = params.get("topic") || topics[0] || "";
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const info = BOARDS.find((b) => b.id === board)!;

  useEffect(() => {
    api
      .get<ProblemPage>("/api/problems", { per_page: 100 })
      .then((r) => setTopics([...new Set(r.items.flatMap((p) => p.topics))].sort()))
      .catch(() => setTopics([]));
  }, []);

  const ready = board !== "topic" || topic !== "";
  const data = useResource(ready ? () => progressApi.leaderboard(board, page, PER_PAGE, topic) : null, [board, page, topic, user?.id]);

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const pick = (b: Board) => go({ board: b === "xp" ? null : b, page: null, topic: b === "topic" ? topic : null });

  const onTabKey = (e: KeyboardEvent, i: number) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: BOARDS.length - 1 - i };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = (i + moves[e.key] + BOARDS.length) % BOARDS.length;
    pick(BOARDS[next].id);
    tabs.current[next]?.focus();
  };

  const d = data.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / d.per_page)) : 1;
  return (
    <div className="page">
      <h1>Leaderboards</h1>
      <div role="tablist" aria-label="Boards" className="tabs">
        {BOARDS.map((b, i) => (
          <button
            key={b.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${b.id}`}
            aria-selected={b.id === board}
            aria-controls="board-panel"
            tabIndex={b.id === board ? 0 : -1}
            className={b.id === board ? "tab active" : "tab"}
            onClick={() => pick(b.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {b.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="board-panel" aria-labelledby={`tab-${board}`} className="board-panel">
        <p className="muted">{info.about}</p>
        {board === "topic" && (
          <label className="stack topic-pick">
            Topic
            <select value={topic} onChange={(e) => go({ topic: e.target.value, page: null })}>
              {topics.map((t) => (
                <option key={t} value={t}>{t}</option>
              ))}
            </select>
          </label>
        )}
        <ResourceState resource={data} what="the leaderboards" />
        {d && (
          <div className="board-grid">
            <section aria-labelledby="board-title">
              <h2 id="board-title" className="visually-hidden">{info.label}{board === "topic" ? `: ${topic}` : ""}</h2>
              {d.items.length === 0 ? (
                <p className="muted" data-testid="board-empty">Nobody is on this board yet. Solve a problem to be the first.</p>
              ) : (
                <div className="table-wrap">
                  <Rows rows={d.items} me={user?.id} score={info.score} testId="leaderboard" />
                </div>
              )}
              {pages > 1 && (
                <nav className="pager" aria-label="Pages">
                  <button type="button" className="secondary" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
                    Previous
                  </button>
                  <span>
                    Page {page} of {pages}
                  </span>
                  <button type="button" className="secondary" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
                    Next
                  </button>
                </nav>
              )}
            </section>
            <section className="card your-rank" aria-labelledby="me-title" data-testid="my-rank">
              <h2 id="me-title">Your rank</h2>
              {!user ? (
                <p>
                  <Link to="/signin" state={{ from: `/leaderboards?${params.toString()}` }}>Sign in</Link> to see where you stand.
                </p>
              ) : !d.me ? (
                <p className="muted" data-testid="my-rank-none">You are not on this board yet. Solve a problem to join it.</p>
              ) : (
                <>
                  <p>
                    <strong className="rank-now" data-testid="my-rank-value">#{d.me.rank}</strong>{" "}
                    <span className="muted">
                      of {d.total.toLocaleString()} · {d.me.score.toLocaleString()} {info.unit}
                    </span>
                  </p>
                  {d.me.neighbours.length > 0 && (
                    <div className="table-wrap">
                      <Rows rows={d.me.neighbours} me={user.id} score={info.score} testId="neighbours" />
                    </div>
                  )}
                  {Math.ceil(d.me.rank / d.per_page) !== page && (
                    <button type="button" className="secondary" onClick={() => go({ page: String(Math.ceil(d.me!.rank / d.per_page)) })}>
                      Go to my page
                    </button>
                  )}
                </>
              )}
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
