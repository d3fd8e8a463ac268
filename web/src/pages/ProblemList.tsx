/** The problem list: difficulty and topic filters, search and paging, all kept in the URL. */
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import type { ProblemPage } from "../api/types";
import { DailyCard } from "../progress/DailyCard";

const PER_PAGE = 20;

export function ProblemList() {
  const [params, setParams] = useSearchParams();
  const difficulty = params.get("difficulty") ?? "";
  const topic = params.get("topic") ?? "";
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const [search, setSearch] = useState(q);
  const [data, setData] = useState<ProblemPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [topics, setTopics] = useState<string[]>([]);

  useEffect(() => {
    // The topics on offer: those of the first hundred problems (the whole bundled bank).
    api
      .get<ProblemPage>("/api/problems", { per_page: 100 })
      .then((r) => setTopics([...new Set(r.items.flatMap((p) => p.topics))].sort()))
      .catch(() => setTopics([]));
  }, []);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .get<ProblemPage>("/api/problems", { difficulty, topic, q, page, per_page: PER_PAGE })
      .then((r) => live && setData(r))
      .catch((e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [difficulty, topic, q, page]);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim() });
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / data.per_page)) : 1;
  return (
    <div className="page">
      <h1>Problems</h1>
      <DailyCard compact />
      <div className="filters">
        <form role="search" onSubmit={onSearch} className="search">
          <label className="stack">
            Search
            <input type="search" value={search} placeholder="Title or statement" onChange={(e) => setSearch(e.target.value)} />
          </label>
          <button type="submit" className="secondary">Search</button>
        </form>
        <label className="stack">
          Difficulty
          <select value={difficulty} onChange={(e) => update({ difficulty: e.target.value })}>
            <option value="">Any</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </label>
        <label className="stack">
          Topic
          <select value={topic} onChange={(e) => update({ topic: e.target.value })}>
            <option value="">Any</option>
            {topics.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p role="status">Loading…</p>}
      {data && (
        <>
          <p className="muted" role="status">
            {data.total === 0 ? "No problems match." : `${data.total} problem${data.total === 1 ? "" : "s"}`}
          </p>
          <ul className="problem-list">
            {data.items.map((p) => (
              <li key={p.slug}>
                <Link to={`/problems/${p.slug}`}>{p.title}</Link>
                <span className={`difficulty ${p.difficulty}`}>{p.difficulty}</span>
                <span className="topics muted">{p.topics.join(", ")}</span>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                Previous
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
