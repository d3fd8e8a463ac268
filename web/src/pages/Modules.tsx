/**
 * `/learn` and `/learn/:slug`: learning modules in order with prerequisites and progress.
 * Text and worked examples are marked done by hand; a problem item is done when it is solved,
 * a quiz item when the quiz is passed (the server decides both).
 */
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { contentApi, type LearningModule, type ModuleItem } from "../api/content";
import { describeError } from "../api/errors";
import { Markdown } from "../components/Markdown";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";
import { SignInFirst } from "./SignInFirst";

function Meter({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <span className="meter-wrap">
      <meter min={0} max={Math.max(total, 1)} value={done} aria-label={label} /> {done}/{total}
    </span>
  );
}

export function ModuleList() {
  const { user } = useApp();
  const modules = useResource(user ? () => contentApi.modules() : null, [user?.id]);
  if (!user) return <SignInFirst title="Learn" what="follow the learning modules and keep your progress" />;
  return (
    <div className="page">
      <h1>Learn</h1>
      <ResourceState resource={modules} what="learning modules" />
      <ol className="problem-list" data-testid="module-list">
        {(modules.data?.items ?? []).map((m) => (
          <li key={m.slug}>
            <Link to={`/learn/${m.slug}`}>{m.title}</Link>
            <Meter done={m.progress.done} total={m.progress.total} label={`${m.title} progress`} />
            {m.progress.completed && <span className="chip">completed</span>}
            {!m.prerequisites_met && <span className="muted">after {m.prerequisites.join(", ")}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Item files open with their own "# Title" (readable alone); the card already shows it. */
function withoutTitle(body: string, title: string): string {
  const m = /^#\s+(.+)\n+/.exec(body);
  return m && m[1].trim().toLowerCase() === title.trim().toLowerCase() ? body.slice(m[0].length) : body;
}

function Item({ item, onDone }: { item: ModuleItem; onDone: (id: string) => void }) {
  return (
    <li className="card module-item" data-testid={`item-${item.id}`} data-done={item.done}>
      <h3>
        {item.done ? "✓ " : ""}
        {item.title}
      </h3>
      {item.kind === "text" && item.body && <Markdown text={withoutTitle(item.body, item.title)} />}
      {item.kind === "example" && (
        <>
          {item.body && <Markdown text={withoutTitle(item.body, item.title)} />}
          <pre><code>{item.code}</code></pre>
        </>
      )}
      {item.kind === "problem" && item.problem && (
        <p>
          {item.problem_available ? <Link to={`/problems/${item.problem}`}>Solve {item.title}</Link> : <span className="muted">{item.title} is not on this server</span>}
          {item.difficulty && <span className={`difficulty ${item.difficulty}`}> {item.difficulty}</span>}
          {!item.done && <span className="muted"> · done when you solve it</span>}
        </p>
      )}
      {item.kind === "quiz" && item.quiz && (
        <p>
          <Link to={`/quizzes/${item.quiz}`}>Take the quiz: {item.title}</Link>
          {!item.done && <span className="muted"> · done when you pass it</span>}
        </p>
      )}
      {item.markable && !item.done && (
        <button type="button" className="secondary small" onClick={() => onDone(item.id)}>
          Mark as done
        </button>
      )}
    </li>
  );
}

export function ModulePage() {
  const { slug = "" } = useParams();
  const { user } = useApp();
  const loaded = useResource(user ? () => contentApi.module(slug) : null, [slug, user?.id]);
  const [updated, setUpdated] = useState<LearningModule | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!user) return <SignInFirst title="Learn" what="follow this module" />;
  const m = updated?.slug === slug ? updated : loaded.data?.module;
  const markDone = async (id: string) => {
    setError(null);
    try {
      setUpdated((await contentApi.markDone(slug, id)).module);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="page">
      <ResourceState resource={loaded} what="the module" />
      {m && (
        <>
          <h1>{m.title}</h1>
          <p>{m.summary}</p>
          <p data-testid="module-progress">
            <Meter done={m.progress.done} total={m.progress.total} label="Module progress" />
            {m.progress.completed ? " · completed" : ""}
          </p>
          {!m.prerequisites_met && (
            <p className="muted">
              Best taken after {m.prerequisites.map((p, i) => (
                <span key={p}>{i > 0 && ", "}<Link to={`/learn/${p}`}>{p}</Link></span>
              ))}.
            </p>
          )}
          {error && <div className="error" role="alert">{error}</div>}
          <ol className="module-items">
            {m.items.map((item) => (
              <Item key={item.id} item={item} onDone={markDone} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
