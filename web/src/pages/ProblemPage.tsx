/** A problem: statement and examples, the editor, Run and Submit with live results. */
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { emitAck } from "../api/socket";
import { LANGUAGES, type LanguageId, type Problem, type ProgressEvent, type ResultEvent } from "../api/types";
import { CoachPanel } from "../components/CoachPanel";
import { Editor } from "../components/Editor";
import { Markdown } from "../components/Markdown";
import { applyProgress, applyResult, Results, type RunState } from "../components/Results";
import { starterFor } from "../starters";
import { useAutosave, type SaveState } from "../autosave";
import { useApp } from "../context";
import { loadDraft, preferredLanguage, rememberLanguage, saveDraft } from "../drafts";

/** The statement without a leading heading that repeats the title (the page shows it already). */
function statementBody(problem: Problem): string {
  const match = /^\s*#\s+(.+)\n/.exec(problem.statement);
  return match && match[1].trim() === problem.title.trim() ? problem.statement.slice(match[0].length) : problem.statement;
}

/** Bank statements carry their own Examples section; others get one made from the visible tests. */
const hasOwnExamples = (statement: string) => /^#{1,6}\s*Examples?\b/im.test(statement);

function SaveIndicator({ state, keepMine, takeTheirs }: { state: SaveState; keepMine: () => void; takeTheirs: () => void }) {
  if (state.kind === "off") return null;
  if (state.kind === "conflict") {
    return (
      <div className="save-conflict" role="alert" data-testid="save-state" data-state="conflict">
        <span>This code was changed elsewhere (another tab or device) since you opened it.</span>
        <button type="button" className="secondary" onClick={keepMine}>Keep my version</button>
        <button type="button" className="secondary" onClick={takeTheirs}>Use the saved version</button>
      </div>
    );
  }
  const text = {
    saving: "Saving…",
    saved: "Saved",
    unsaved: "Unsaved changes",
    error: state.kind === "error" ? `Not saved: ${state.message}` : "",
  }[state.kind];
  return (
    <span className={`save-state ${state.kind}`} role="status" data-testid="save-state" data-state={state.kind}>
      {text}
    </span>
  );
}

export function ProblemPage() {
  const { slug = "" } = useParams();
  // Opened from a contest: runs and submits count in that room.
  const contest = useSearchParams()[0].get("room");
  const { user, socket, status, theme } = useApp();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [language, setLanguage] = useState<LanguageId>(preferredLanguage);
  const [code, setCode] = useState("");
  // Bumped whenever the text comes from outside the editor (load, language switch, reset).
  const [docVersion, setDocVersion] = useState(0);
  const [useStdin, setUseStdin] = useState(false);
  const [stdin, setStdin] = useState("");
  const [run, setRun] = useState<RunState | null>(null);
  // Events can arrive before the ack names the submission: keep them until then.
  const early = useRef<{ progress: ProgressEvent[]; results: ResultEvent[] }>({ progress: [], results: [] });
  const currentId = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    setProblem(null);
    setLoadError(null);
    api
      .get<{ problem: Problem }>(`/api/problems/${encodeURIComponent(slug)}`)
      .then((r) => live && setProblem(r.problem))
      .catch((e) => live && setLoadError(describeError(e)));
    return () => {
      live = false;
    };
  }, [slug]);

  useEffect(() => {
    if (!problem) return;
    setCode(loadDraft(slug, language) ?? starterFor(problem.starter_code, language));
    setDocVersion((v) => v + 1);
  }, [problem, slug, language]);

  useEffect(() => {
    if (!socket) return;
    const onProgress = (e: ProgressEvent) => {
      if (currentId.current === e.submission_id) setRun((r) => (r ? applyProgress(r, e) : r));
      else if (currentId.current === null) early.current.progress.push(e);
    };
    const onResult = (e: ResultEvent) => {
      if (currentId.current === e.submission_id) setRun((r) => (r ? applyResult(r, e) : r));
      else if (currentId.current === null) early.current.results.push(e);
    };
    const onError = (e: { submission_id?: number; message: string; code?: string }) => {
      if (e.submission_id === undefined || e.submission_id === currentId.current) {
        setRun((r) => (r ? { ...r, problem: describeError(e) } : r));
      }
    };
    const onTimeout = (e: { submission_id: number }) => {
      if (e.submission_id === currentId.current) {
        setRun((r) =>
          r && !r.result
            ? { ...r, problem: "The judge is taking longer than expected. The result will appear here if it arrives." }
            : r,
        );
      }
    };
    socket.on("code:progress", onProgress);
    socket.on("code:result", onResult);
    socket.on("code:error", onError);
    socket.on("code:timeout", onTimeout);
    return () => {
      socket.off("code:progress", onProgress);
      socket.off("code:result", onResult);
      socket.off("code:error", onError);
      socket.off("code:timeout", onTimeout);
    };
  }, [socket]);

  const onCode = useCallback(
    (text: string) => {
      setCode(text);
      saveDraft(slug, language, text);
    },
    [slug, language],
  );

  const loadText = useCallback(
    (text: string) => {
      onCode(text);
      setDocVersion((v) => v + 1);
    },
    [onCode],
  );

  const autosave = useAutosave({
    socket,
    connected: status === "connected",
    slug,
    language,
    code: problem ? code : null,
    onResume: loadText,
    hasLocalDraft: loadDraft(slug, language) !== null,
  });

  const switchLanguage = (next: LanguageId) => {
    rememberLanguage(next);
    setLanguage(next);
  };

  const execute = async (mode: "run" | "submit") => {
    if (!socket) return;
    currentId.current = null;
    early.current = { progress: [], results: [] };
    setRun({ mode, submissionId: null, compiled: null, tests: {}, total: null, result: null, problem: null, live: 0 });
    const payload: Record<string, unknown> = { problem: slug, language, code, mode };
    if (mode === "run" && useStdin) payload.stdin = stdin;
    if (contest) payload.room = contest;
    const ack = await emitAck<{ submission_id: number }>(socket, "code:execute", payload);
    if (!ack.ok) {
      setRun((r) => (r ? { ...r, problem: describeError(ack.error) } : r));
      return;
    }
    const id = ack.submission_id;
    currentId.current = id;
    const { progress, results } = early.current;
    early.current = { progress: [], results: [] };
    setRun((r) => {
      if (!r) return r;
      let next: RunState = { ...r, submissionId: id };
      for (const e of progress) if (e.submission_id === id) next = applyProgress(next, e);
      for (const e of results) if (e.submission_id === id) next = applyResult(next, e);
      return next;
    });
  };

  if (loadError) {
    return (
      <div className="page">
        <p role="alert" className="error">{loadError}</p>
        <Link to="/problems">Back to the problems</Link>
      </div>
    );
  }
  if (!problem) return <p className="page" role="status">Loading the problem…</p>;

  const busy = run !== null && !run.result && !run.problem;
  const offline = status !== "connected";
  return (
    <div className="problem-layout">
      <article className="statement" aria-labelledby="problem-title">
        <p className="crumbs">
          {contest ? <Link to={`/contests/${contest}`}>Back to the contest</Link> : <Link to="/problems">Problems</Link>}
        </p>
        <h1 id="problem-title">{problem.title}</h1>
        <p className="meta">
          <span className={`difficulty ${problem.difficulty}`}>{problem.difficulty}</span>
          {problem.topics.map((t) => (
            <span key={t} className="chip">{t}</span>
          ))}
          <span className="muted">
            {problem.time_limit} s · {problem.memory_limit} MB
          </span>
        </p>
        <Markdown text={statementBody(problem)} />
        {!hasOwnExamples(problem.statement) && problem.examples.length > 0 && <h2>Examples</h2>}
        {!hasOwnExamples(problem.statement) && problem.examples.map((ex, i) => (
          <div className="example" key={ex.name || i}>
            <h3>Example {i + 1}</h3>
            <div className="io-pair">
              <div className="io-block"><div className="muted">Input</div><pre>{ex.input}</pre></div>
              <div className="io-block"><div className="muted">Output</div><pre>{ex.output}</pre></div>
            </div>
            {ex.explanation && <Markdown text={ex.explanation} />}
          </div>
        ))}
        {problem.hints.length > 0 && (
          <details className="hints">
            <summary>Hints ({problem.hints.length})</summary>
            <ol>{problem.hints.map((h, i) => <li key={i}>{h}</li>)}</ol>
          </details>
        )}
      </article>
      <section className="workbench" aria-label="Your solution">
        <div className="toolbar">
          <label>
            Language{" "}
            <select value={language} onChange={(e) => switchLanguage(e.target.value as LanguageId)}>
              {LANGUAGES.map((l) => (
                <option key={l.id} value={l.id}>{l.label}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => loadText(starterFor(problem.starter_code, language))}
            title="Replace your code with the starter code"
          >
            Reset
          </button>
          <SaveIndicator {...autosave} />
        </div>
        <Editor
          docKey={String(docVersion)}
          value={code}
          language={language}
          dark={theme === "dark"}
          label={`Code editor, ${language}. Press Escape then Tab to leave the editor.`}
          onChange={onCode}
        />
        <div className="run-controls">
          <label className="check">
            <input type="checkbox" checked={useStdin} onChange={(e) => setUseStdin(e.target.checked)} /> Run with my
            own input
          </label>
          {useStdin && (
            <label className="stack">
              Input for Run
              <textarea value={stdin} onChange={(e) => setStdin(e.target.value)} rows={4} spellCheck={false} />
            </label>
          )}
          {!user ? (
            <p className="signin-note" data-testid="signin-note">
              <Link to="/signin" state={{ from: `/problems/${slug}` }}>Sign in to run and submit</Link>
              <span className="muted"> (your code is kept in this browser meanwhile).</span>
            </p>
          ) : (
          <div className="buttons">
            <button type="button" className="secondary" disabled={busy || offline} onClick={() => execute("run")}>
              Run
            </button>
            <button type="button" disabled={busy || offline} onClick={() => execute("submit")}>
              Submit
            </button>
            {offline && <span className="muted">Waiting for the connection…</span>}
          </div>
          )}
        </div>
        {run && <Results run={run} />}
        {user && !contest && <CoachPanel slug={slug} />}
      </section>
    </div>
  );
}
