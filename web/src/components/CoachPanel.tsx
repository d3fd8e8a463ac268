/**
 * The coach beside a problem: ask for a hint (or anything about the problem), read the answer
 * as it streams in token by token, stop it; or hold a mock interview on the problem and get the
 * scored feedback at the end. One session per mode and visit, opened on first use
 * (docs/coach.md: `ai:session:start`, `ai:question`, `ai:token`, `ai:cancel`, `ai:session:end`,
 * `ai:feedback`).
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

interface Feedback {
  score: number;
  strengths: string[];
  improvements: string[];
  improvement_areas: string[];
}

type Mode = "hint" | "interview";

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
  interview_finished: "This interview is over: end it to see your feedback.",
};

function coachError(e: { code: string; message: string; details?: unknown; retry_after?: number }): string {
  const text = COACH_ERRORS[e.code] ?? describeError(e);
  const retry = e.retry_after ?? (e.details as { retry_after?: number } | undefined)?.retry_after;
  return retry ? `${text} (try again in ${Math.ceil(retry)} s)` : text;
}

export function CoachPanel({ slug }: { slug: string }) {
  const { socket, status } = useApp();
  const [mode, setMode] = useState<Mode>("hint");
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [ended, setEnded] = useState(false);
  const session = useRef<number | null>(null);
  session.current = sessionId;
  // Tokens that arrive before the ack of `ai:session:start` names the session (an interview's
  // first question streams at once).
  const early = useRef<TokenEvent[] | null>(null);
  const replay = useRef<(e: TokenEvent) => void>(() => undefined);

  const reset = () => {
    setSessionId(null);
    session.current = null;
    setTurns([]);
    setProblem(null);
    setFeedback(null);
    setEnded(false);
  };

  useEffect(reset, [slug]);

  useEffect(() => {
    if (!socket) return;
    const updateLast = (fn: (t: Turn) => Turn) =>
      setTurns((ts) => (ts.length ? [...ts.slice(0, -1), fn(ts[ts.length - 1])] : ts));
    const onToken = (e: TokenEvent) => {
      if (session.current === null && early.current) early.current.push(e);
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
    const onFeedback = (e: { session_id: number; feedback: Feedback }) => {
      if (e.session_id === session.current) setFeedback(e.feedback);
    };
    socket.on("ai:token", onToken);
    socket.on("ai:error", onError);
    socket.on("ai:feedback", onFeedback);
    replay.current = onToken;
    return () => {
      socket.off("ai:token", onToken);
      socket.off("ai:error", onError);
      socket.off("ai:feedback", onFeedback);
    };
  }, [socket]);

  const streaming = turns.length > 0 && turns[turns.length - 1].status === "streaming";

  /** Open this mode's session; an interview's first question starts streaming at once. */
  const open = async (): Promise<number | null> => {
    if (!socket) return null;
    const payload: Record<string, unknown> = { mode, problem: slug };
    if (mode === "interview") {
      payload.interview_type = "technical";
      setTurns([{ question: "", answer: "", status: "streaming" }]);
    }
    early.current = [];
    const started = await emitAck<{ session_id: number }>(socket, "ai:session:start", payload);
    const buffered = early.current;
    early.current = null;
    if (!started.ok) {
      setTurns([]);
      setProblem(coachError(started.error));
      return null;
    }
    session.current = started.session_id;
    setSessionId(started.session_id);
    for (const e of buffered) replay.current(e);
    return started.session_id;
  };

  const startInterview = async () => {
    if (asking) return;
    reset();
    setAsking(true);
    try {
      await open();
    } finally {
      setAsking(false);
    }
  };

  const endInterview = async () => {
    if (!socket || sessionId === null) return;
    setAsking(true);
    try {
      const ack = await emitAck<{ feedback: Feedback | null; unscored?: { message: string; code: string } }>(
        socket,
        "ai:session:end",
        { session_id: sessionId },
      );
      if (!ack.ok) {
        setProblem(coachError(ack.error));
        return;
      }
      setEnded(true);
      if (ack.feedback) setFeedback(ack.feedback);
      else if (ack.unscored) setProblem(`The interview ended but could not be scored: ${coachError(ack.unscored)}`);
    } finally {
      setAsking(false);
    }
  };

  const switchMode = (next: Mode) => {
    if (next === mode) return;
    reset();
    setMode(next);
  };

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    if (!socket || streaming || asking) return;
    const content = question.trim() || (mode === "hint" ? "Can I have a hint for this problem?" : "");
    if (!content) return;
    setProblem(null);
    setAsking(true);
    try {
      let id = sessionId;
      if (id === null) {
        id = await open();
        if (id === null) return;
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
      <div className="coach-modes" role="radiogroup" aria-label="What the coach does">
        <label className="check">
          <input type="radio" name="coach-mode" checked={mode === "hint"} onChange={() => switchMode("hint")} /> Hints
        </label>
        <label className="check">
          <input type="radio" name="coach-mode" checked={mode === "interview"} onChange={() => switchMode("interview")} />{" "}
          Mock interview
        </label>
      </div>
      <p className="muted">
        {mode === "hint"
          ? "Stuck? Ask for a hint. The coach nudges you along without giving away the solution."
          : "The coach asks you about this problem like an interviewer would, then scores your answers."}
      </p>
      <ol className="coach-turns" aria-live="polite">
        {turns.map((t, i) => (
          <li key={i} className="coach-turn">
            {t.question && <p className="coach-question"><strong>You:</strong> {t.question}</p>}
            <div className="coach-answer" data-testid="coach-answer" data-status={t.status}>
              {t.answer ? <Markdown text={t.answer} /> : t.status === "streaming" ? <p className="muted">Thinking…</p> : null}
              {t.status === "cancelled" && <p className="muted">Stopped.</p>}
              {t.error && <p className="error" role="alert">{t.error}</p>}
            </div>
          </li>
        ))}
      </ol>
      {feedback && (
        <div className="coach-feedback" data-testid="coach-feedback" data-score={feedback.score}>
          <h3>Interview feedback: {Math.round(feedback.score * 10) / 10} / 10</h3>
          {feedback.strengths.length > 0 && (
            <>
              <p><strong>Strengths</strong></p>
              <ul>{feedback.strengths.map((x, i) => <li key={i}>{x}</li>)}</ul>
            </>
          )}
          {feedback.improvements.length > 0 && (
            <>
              <p><strong>To improve</strong></p>
              <ul>{feedback.improvements.map((x, i) => <li key={i}>{x}</li>)}</ul>
            </>
          )}
          {feedback.improvement_areas.length > 0 && (
            <p className="meta">{feedback.improvement_areas.map((a) => <span key={a} className="chip">{a}</span>)}</p>
          )}
        </div>
      )}
      {problem && <p className="error" role="alert">{problem}</p>}
      {mode === "interview" && (sessionId === null || ended) ? (
        <div className="buttons">
          <button type="button" disabled={offline || asking} onClick={startInterview}>
            {ended ? "Start another interview" : "Start a mock interview"}
          </button>
        </div>
      ) : (
      <form className="coach-ask" onSubmit={ask}>
        <label className="stack">
          {mode === "hint" ? <>Your question <span className="muted">(optional)</span></> : "Your answer"}
          <textarea
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            rows={2}
            maxLength={4000}
            placeholder={mode === "hint" ? "e.g. Which data structure fits here?" : "Think aloud: approach, complexity, edge cases"}
          />
        </label>
        <div className="buttons">
          <button type="submit" disabled={offline || streaming || asking || (mode === "interview" && !question.trim())}>
            {mode === "interview" ? "Answer" : turns.length ? "Ask again" : "Ask for a hint"}
          </button>
          {streaming && (
            <button type="button" className="secondary" onClick={stop}>
              Stop
            </button>
          )}
          {mode === "interview" && (
            <button type="button" className="secondary" disabled={offline || streaming || asking} onClick={endInterview}>
              {feedback ? "Close the interview" : "End and get feedback"}
            </button>
          )}
        </div>
      </form>
      )}
    </section>
  );
}
