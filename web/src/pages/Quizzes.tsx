/**
 * `/quizzes` and `/quizzes/:slug`: the quizzes with your best score; one quiz with a clock
 * kept by the server (the attempt's deadline), answered once, then graded with explanations.
 */
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { contentApi, type AnswerIn, type Attempt, type Question, type Quiz } from "../api/content";
import { describeError } from "../api/errors";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";
import { SignInFirst } from "./SignInFirst";

export function QuizList() {
  const { user } = useApp();
  const quizzes = useResource(user ? () => contentApi.quizzes() : null, [user?.id]);
  if (!user) return <SignInFirst title="Quizzes" what="take quizzes and keep your best scores" />;
  return (
    <div className="page">
      <h1>Quizzes</h1>
      <ResourceState resource={quizzes} what="quizzes" />
      <ul className="problem-list" data-testid="quiz-list">
        {(quizzes.data?.items ?? []).map((q) => (
          <li key={q.slug}>
            <Link to={`/quizzes/${q.slug}`}>{q.title}</Link>
            <span className="muted">{q.question_count} questions · {Math.round(q.time_limit / 60)} min</span>
            {q.best_score !== null && <span className="chip">best {Math.round(q.best_score)}%</span>}
            {q.passed && <span className="chip">passed</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function secondsLeft(deadline: string): number {
  return Math.max(0, Math.round((Date.parse(deadline) - Date.now()) / 1000));
}

function Countdown({ deadline }: { deadline: string }) {
  const [left, setLeft] = useState(() => secondsLeft(deadline));
  useEffect(() => {
    const t = setInterval(() => setLeft(secondsLeft(deadline)), 1000);
    return () => clearInterval(t);
  }, [deadline]);
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  return (
    <span role="timer" aria-live="off" className={left < 60 ? "chip warn" : "chip"} data-testid="quiz-clock">
      {left > 0 ? `${text} left` : "time is up"}
    </span>
  );
}

function QuestionField({ q, value, onChange }: { q: Question; value: AnswerIn | undefined; onChange: (v: AnswerIn) => void }) {
  const name = `q${q.number}`;
  return (
    <fieldset className="card question" data-testid={`question-${q.number}`}>
      <legend>{q.number}. {q.prompt}</legend>
      {q.code && <pre><code>{q.code}</code></pre>}
      {q.kind === "single" &&
        q.choices.map((c, i) => (
          <label key={c} className="choice">
            <input type="radio" name={name} checked={value === i} onChange={() => onChange(i)} /> {c}
          </label>
        ))}
      {q.kind === "multi" &&
        q.choices.map((c, i) => {
          const chosen = Array.isArray(value) ? value : [];
          return (
            <label key={c} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(i)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, i].sort() : chosen.filter((x) => x !== i))}
              />{" "}
              {c}
            </label>
          );
        })}
      {q.kind === "true_false" &&
        [true, false].map((b) => (
          <label key={String(b)} className="choice">
            <input type="radio" name={name} checked={value === b} onChange={() => onChange(b)} /> {b ? "True" : "False"}
          </label>
        ))}
      {q.kind === "code_output" && (
        <label className="choice">
          What does it print?
          <textarea rows={3} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
        </label>
      )}
    </fieldset>
  );
}

function shown(q: Question | undefined, v: AnswerIn | null): string {
  if (v === null || v === undefined) return "no answer";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return q?.choices[v] ?? String(v);
  if (Array.isArray(v)) return v.map((i) => q?.choices[i] ?? String(i)).join(", ") || "none";
  return JSON.stringify(v);
}

function Results({ quiz, attempt }: { quiz: Quiz; attempt: Attempt }) {
  const byNumber = new Map(quiz.questions.map((q) => [q.number, q]));
  return (
    <section className="card" aria-labelledby="result-title" data-testid="quiz-result">
      <h2 id="result-title">
        {attempt.status === "expired" ? "Time ran out" : attempt.passed ? "Passed" : "Not passed yet"}: {attempt.correct ?? 0} of{" "}
        {attempt.total} ({Math.round(attempt.score ?? 0)}%, pass mark {quiz.pass_mark}%)
      </h2>
      <ol>
        {(attempt.results ?? []).map((r) => (
          <li key={r.number} className={r.correct ? "ok" : "bad"}>
            <strong>{r.correct ? "Right" : "Wrong"}</strong>: {byNumber.get(r.number)?.prompt}
            {!r.correct && (
              <p>
                You answered {shown(byNumber.get(r.number), r.given)}; the answer is {shown(byNumber.get(r.number), r.expected)}.
              </p>
            )}
            <p className="muted">{r.explanation}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function QuizPage() {
  const { slug = "" } = useParams();
  const { user } = useApp();
  const quiz = useResource(user ? () => contentApi.quiz(slug) : null, [slug, user?.id]);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerIn>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return <SignInFirst title="Quizzes" what="take this quiz" />;
  const q = quiz.data?.quiz;

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setAttempt((await contentApi.start(slug)).attempt);
      setAnswers({});
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    if (!attempt) return;
    setError(null);
    setBusy(true);
    try {
      setAttempt((await contentApi.submit(attempt.id, answers)).attempt);
      quiz.reload();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const running = attempt?.status === "in_progress";
  const unanswered = q ? q.questions.filter((x) => answers[String(x.number)] === undefined).length : 0;
  return (
    <div className="page">
      <ResourceState resource={quiz} what="the quiz" />
      {q && (
        <>
          <h1>{q.title}</h1>
          <p>{q.description}</p>
          <p className="muted">
            {q.question_count} questions · {Math.round(q.time_limit / 60)} minutes · pass mark {q.pass_mark}%
            {q.best_score !== null && ` · your best ${Math.round(q.best_score)}%`}
          </p>
          {error && <div className="error" role="alert">{error}</div>}
          {!running && (
            <button type="button" onClick={start} disabled={busy} data-testid="quiz-start">
              {attempt ? "Try again" : "Start the quiz"}
            </button>
          )}
          {running && attempt && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <p>
                <Countdown deadline={attempt.deadline} /> Answers are sent once; the clock is kept by the server.
              </p>
              {q.questions.map((x) => (
                <QuestionField key={x.number} q={x} value={answers[String(x.number)]} onChange={(v) => setAnswers((a) => ({ ...a, [String(x.number)]: v }))} />
              ))}
              <button type="submit" disabled={busy} data-testid="quiz-submit">
                Submit answers{unanswered > 0 ? ` (${unanswered} unanswered)` : ""}
              </button>
            </form>
          )}
          {attempt && !running && <Results quiz={q} attempt={attempt} />}
        </>
      )}
    </div>
  );
}
