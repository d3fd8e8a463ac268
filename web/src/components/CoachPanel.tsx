/**
 * The coach beside a problem: ask for a hint (or anything about the problem), read the answer
 * as it streams in token by token, stop it. One hint session per visit, opened on the first
 * question (docs/coach.md: `ai:session:start`, `ai:question`, `ai:token`, `ai:cancel`).
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { describeError } from "../api/errors";
import { emitAck } from "../api/socket";
import { useApp } from "../context";
import { Markdown } from "./Markdown";

interface TokenEvent {
  session_id: number;
  message_id: number;
  delta: string;
  done: boolean;
  content?: string;
  status?: string;
  cancelled?: boolean;
}

interface ErrorEvent {
  session_id?: number;
  code: string;
  message: string;
  retry_after?: number;
}

interface Turn {
  question: string;
  answer: string;
  /** streaming until the last token; then complete, cancelled or error. */
  status: string;
  error?: string;
}

const COACH_ERRORS: Record<string, string> = {
  contest_in_progress: "The coach is off for this problem while you are in a contest that includes it.",
  budget_exhausted: "You have used today's coaching allowance. It resets at midnight UTC.",
  rate_limited: "You are asking faster than the coach allows. Wait a moment and ask again.",
  stream_in_progress: "The coach is still answering your last question.",
  question_too_long: "That question is too long for the coach (4,000 characters at most).",
  ai_timeout: "The coach took too long to answer. Try again in a few seconds.",
  ai_rate_limited: "The coach is busy right now. Try again shortly.",
  ai_unavailable: "The coach is unavailable at the moment. Try again in a little while.",
  ai_not_configured: "The coach is not set up on this server.",
  ai_unsupported: "The coach cannot answer that kind of question here.",
  session_ended: "This coaching session has ended. Reload the page to start a new one.",
};

function coachError(e: { code: string; message: string; details?: unknown; retry_after?: number }): string {
  const text = COACH_ERRORS[e.code] ?? describeError(e);
  const retry = e.retry_after ?? (e.details as { retry_after?: number } | undefined)?.retry_after;
  return retry ? `${text} (try again in ${Math.ceil(retry)} s)` : text;
}

export function CoachPanel({ slug }: { slug: string }) {
  const { socket, status } = useApp();
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const session = useRef<number | null>(null);
  session.current = sessionId;

  useEffect(() => {
    setSessionId(null);
    setTurns([]);
    setProblem(null);
  }, [slug]);

  useEffect(() => {
    if (!socket) return;
    const updateLast = (fn: (t: Turn) => Turn) =>
      setTurns((ts) => (ts.length ? [...ts.slice(0, -1), fn(ts[ts.length - 1])] : ts));
    const onToken = (e: TokenEvent) => {
      if (e.session_id !== session.current) return;
      if (!e.done) {
        updateLast((t) => ({ ...t, answer: t.answer + e.delta }));
        return;
      }
      const final = e.cancelled ? "cancelled" : (e.status ?? "complete");
      updateLast((t) => ({ ...t, answer: e.content ?? t.answer, status: final }));
    };
    const onError = (e: ErrorEvent) => {
      if (e.session_id !== undefined && e.session_id !== session.current) return;
      updateLast((t) => ({ ...t, status: "error", error: coachError(e) }));
    };
    socket.on("ai:token", onToken);
    socket.on("ai:error", onError);
    return () => {
      socket.off("ai:token", onToken);
      socket.off("ai:error", onError);
    };
  }, [socket]);

  const streaming = turns.length > 0 && turns[turns.length - 1].status === "streaming";

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    if (!socket || streaming || asking) return;
    const content = question.trim() || "Can I have a hint for this problem?";
    setProblem(null);
    setAsking(true);
    try {
      let id = sessionId;
      if (id === null) {
        const started = await emitAck<{ session_id: number }>(socket, "ai:session:start", { mode: "hint", problem: slug });
        if (!started.ok) {
          setProblem(coachError(started.error));
          return;
        }
        id = started.session_id;
        session.current = id;
        setSessionId(id);
      }
      setTurns((ts) => [...ts, { question: content, answer: "", status: "streaming" }]);
      setQuestion("");
      const ack = await emitAck<{ message_id: number }>(socket, "ai:question", { session_id: id, content });
      if (!ack.ok) {
        setTurns((ts) => ts.slice(0, -1));
        setQuestion(content);
        setProblem(coachError(ack.error));
      }
    } finally {
      setAsking(false);
    }
  };

  const stop = async () => {
    if (!socket || sessionId === null) return;
    const ack = await emitAck<{ content: string }>(socket, "ai:cancel", { session_id: sessionId });
    if (ack.ok) {
      setTurns((ts) =>
        ts.length && ts[ts.length - 1].status === "streaming"
          ? [...ts.slice(0, -1), { ...ts[ts.length - 1], answer: ack.content ?? ts[ts.length - 1].answer, status: "cancelled" }]
          : ts,
      );
    } else if (ack.error.code !== "no_active_stream") {
      setProblem(coachError(ack.error));
    }
  };

  const offline = status !== "connected";
  return (
    <section className="coach card" aria-labelledby="coach-title" data-testid="coach">
      <h2 id="coach-title">Coach</h2>
      <p className="muted">Stuck? Ask for a hint. The coach nudges you along without giving away the solution.</p>
      <ol className="coach-turns" aria-live="polite">
        {turns.map((t, i) => (
          <li key={i} className="coach-turn">
            <p className="coach-question"><strong>You:</strong> {t.question}</p>
            <div className="coach-answer" data-testid="coach-answer" data-status={t.status}>
              {t.answer ? <Markdown text={t.answer} /> : t.status === "streaming" ? <p className="muted">Thinking…</p> : null}
              {t.status === "cancelled" && <p className="muted">Stopped.</p>}
              {t.error && <p className="error" role="alert">{t.error}</p>}
            </div>
          </li>
        ))}
      </ol>
      {problem && <p className="error" role="alert">{problem}</p>}
      <form className="coach-ask" onSubmit={ask}>
        <label className="stack">
          Your question <span className="muted">(optional)</span>
          <textarea
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            rows={2}
            maxLength={4000}
            placeholder="e.g. Which data structure fits here?"
          />
        </label>
        <div className="buttons">
          <button type="submit" disabled={offline || streaming || asking}>
            {turns.length ? "Ask again" : "Ask for a hint"}
          </button>
          {streaming && (
            <button type="button" className="secondary" onClick={stop}>
              Stop
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
