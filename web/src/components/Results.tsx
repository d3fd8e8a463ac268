/** A run's live state: per-test rows as `code:progress` arrives, then the verdict banner. */
import type { ProgressEvent, ResultEvent, TestReport } from "../api/types";

export interface RunState {
  mode: "run" | "submit";
  submissionId: number | null;
  compiled: { ok: boolean; message: string } | null;
  tests: Record<number, TestReport>;
  total: number | null;
  result: ResultEvent | null;
  /** A refusal, `code:error` or `code:timeout`, in words. */
  problem: string | null;
  /** How many test rows arrived live as `code:progress` (before the result). */
  live: number;
}

export const VERDICTS: Record<string, string> = {
  AC: "Accepted",
  WA: "Wrong answer",
  TLE: "Time limit exceeded",
  MLE: "Memory limit exceeded",
  RE: "Runtime error",
  CE: "Compilation error",
  OLE: "Output limit exceeded",
  IE: "Internal error (our fault, not yours)",
  SK: "Skipped",
};

export function applyProgress(run: RunState, event: ProgressEvent): RunState {
  if (event.kind === "compiled") return { ...run, compiled: { ok: event.ok, message: event.message } };
  const { submission_id: _id, kind: _kind, total, ...report } = event;
  return { ...run, total, tests: { ...run.tests, [report.index]: report }, live: run.live + 1 };
}

export function applyResult(run: RunState, result: ResultEvent): RunState {
  const tests = { ...run.tests };
  for (const t of result.tests) tests[t.index] = t;
  return { ...run, result, tests, total: result.total };
}

const beatsText = (p: number) => `${Math.round(p * 10) / 10}%`;

function Banner({ run }: { run: RunState }) {
  const r = run.result;
  if (!r) {
    const done = Object.keys(run.tests).length;
    return (
      <div className="banner pending" role="status">
        {run.submissionId === null ? "Sending…" : run.total ? `Judging… ${done} of ${run.total} tests done` : "Judging…"}
      </div>
    );
  }
  const ok = r.verdict === "AC";
  const custom = r.mode === "run" && r.total === 1 && r.tests[0]?.name === "stdin";
  const words = custom && ok ? "Finished" : (VERDICTS[r.verdict] ?? r.verdict);
  const what = r.mode === "submit" ? "Submission" : "Run";
  const usage = `${r.time_ms != null ? ` · ${r.time_ms} ms` : ""}${r.memory_kb != null ? ` · ${Math.round(r.memory_kb / 1024)} MB` : ""}`;
  const summary =
    r.verdict === "CE"
      ? "Fix the compiler's complaint below and try again."
      : custom
        ? `Ran with your input${usage}`
        : `${what}: ${r.passed} of ${r.total} tests passed${usage}`;
  const beats = ok && r.mode === "submit" ? r.percentiles : null;
  return (
    <div className={`banner ${ok ? "ok" : "bad"}`} role="status" data-testid="verdict" data-verdict={r.verdict}>
      <strong>{words}</strong>
      <span>{summary}</span>
      {beats && (
        <span className="beats" data-testid="percentiles">
          Runtime beats {beatsText(beats.runtime_beats)} · memory beats {beatsText(beats.memory_beats)} of accepted
          submissions in this language
        </span>
      )}
    </div>
  );
}

function Row({ test }: { test: TestReport }) {
  const ok = test.verdict === "AC";
  // Skipped: not run because an earlier test failed (submit stops at the first failure).
  const skipped = test.verdict === "SK";
  const label = test.name ? `Test ${test.index + 1} (${test.name})` : `Test ${test.index + 1}`;
  return (
    <li className={`test-row ${ok ? "ok" : skipped ? "skipped" : "bad"}`} data-testid="test-row">
      <div className="test-head">
        <span className="verdict-chip" title={VERDICTS[test.verdict] ?? test.verdict}>
          {test.verdict}
        </span>
        <span>{label}{test.hidden ? " · hidden" : ""}</span>
        <span className="muted">{skipped ? "Skipped" : `${test.time_ms} ms`}</span>
      </div>
      {!skipped && !test.hidden && (test.input != null || test.actual != null || test.stderr) && (
        <details open={!ok}>
          <summary>Details</summary>
          {test.input != null && <Block title="Input" text={test.input} />}
          {test.expected != null && <Block title="Expected" text={test.expected} />}
          {test.actual != null && <Block title="Your output" text={test.actual} />}
          {test.stderr ? <Block title="Error output" text={test.stderr} /> : null}
          {test.feedback ? <p>{test.feedback}</p> : null}
        </details>
      )}
    </li>
  );
}

function Block({ title, text }: { title: string; text: string }) {
  return (
    <div className="io-block">
      <div className="muted">{title}</div>
      <pre>{text || "(empty)"}</pre>
    </div>
  );
}

export function Results({ run }: { run: RunState }) {
  const rows = Object.values(run.tests).sort((a, b) => a.index - b.index);
  return (
    <section className="results" aria-label="Results" aria-live="polite" data-live-rows={run.live}>
      {run.problem ? (
        <div className="banner bad" role="alert">{run.problem}</div>
      ) : (
        <Banner run={run} />
      )}
      {run.compiled && !run.compiled.ok && (
        <Block title="Compiler output" text={run.compiled.message || run.result?.compile_output || ""} />
      )}
      {run.result?.compile_output && !run.compiled && <Block title="Compiler output" text={run.result.compile_output} />}
      <ol className="test-rows">
        {rows.map((t) => (
          <Row key={t.index} test={t} />
        ))}
      </ol>
    </section>
  );
}
