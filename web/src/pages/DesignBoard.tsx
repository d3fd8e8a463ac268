/**
 * `/system-design/:slug`: the brief beside an Excalidraw canvas. The scene is autosaved to the
 * design session (PUT .../scene with the revision it was based on); a stale base is a conflict
 * the person resolves, as in the code editor. Submit asks for the review.
 */
import { Excalidraw, hashElementsVersion, serializeAsJSON } from "@excalidraw/excalidraw";
import "@excalidraw/excalidraw/index.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import { ApiError, describeError } from "../api/errors";
import { designApi, type DesignSession, type Review, type Scene } from "../api/designs";
import { Markdown } from "../components/Markdown";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";
import { useBoardLabels } from "../components/useBoardLabels";

type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "unsaved" }
  | { kind: "conflict"; theirs: Scene; revision: number }
  | { kind: "error"; message: string };

const DELAY_MS = 1500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Api = any; // ExcalidrawImperativeAPI: only updateScene is used

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const versionOf = (elements: readonly unknown[]): number => hashElementsVersion(elements as any);

/** What the board last reported, kept as Excalidraw's own objects: serialised only when saved. */
type Drawn = { elements: readonly unknown[]; appState: unknown; files: unknown; version: number };

function toScene(elements: readonly unknown[], appState: unknown, files: unknown): Scene {
  // serializeAsJSON keeps what a saved file keeps (no transient UI state).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = JSON.parse(serializeAsJSON(elements as any, appState as any, files as any, "local"));
  return { elements: json.elements, appState: json.appState ?? {}, files: json.files ?? {} };
}

export function DesignBoard() {
  const { slug = "" } = useParams();
  const { theme } = useApp();
  const design = useResource(() => designApi.get(slug), [slug]);
  const [session, setSession] = useState<DesignSession | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: "saved" });
  const [review, setReview] = useState<Review | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [drawn, setDrawn] = useState(0); // live elements on the board
  const excalidraw = useRef<Api>(null);
  const box = useBoardLabels();
  // Versions, not JSON: Excalidraw calls onChange on every pointer move, and a
  // hash of element versions costs far less than serialising the scene each time.
  const state = useRef({ revision: 0, savedVersion: 0, seenVersion: 0, latest: null as Drawn | null, openedAt: Date.now(), spent: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inConflict = useRef(false);

  useEffect(() => {
    let live = true;
    designApi
      .open(slug)
      .then(({ session: s }) => {
        if (!live) return;
        const version = versionOf(s.scene.elements);
        state.current = { revision: s.revision, savedVersion: version, seenVersion: version, latest: null, openedAt: Date.now(), spent: s.time_spent };
        setSession(s);
        setReview(s.review);
      })
      .catch((e) => live && setProblem(describeError(e)));
    return () => {
      live = false;
    };
  }, [slug]);

  const flush = useCallback(
    async (base?: number) => {
      const s = session;
      const drawn = state.current.latest;
      if (!s || !drawn) return;
      if (drawn.version === state.current.savedVersion && base === undefined) return;
      const scene = toScene(drawn.elements, drawn.appState, drawn.files);
      setSave({ kind: "saving" });
      const spent = state.current.spent + Math.round((Date.now() - state.current.openedAt) / 1000);
      try {
        const ack = await designApi.save(s.id, scene, base ?? state.current.revision, spent);
        state.current.revision = ack.revision;
        state.current.savedVersion = drawn.version;
        inConflict.current = false;
        setSave(state.current.latest?.version === drawn.version ? { kind: "saved" } : { kind: "unsaved" });
      } catch (e) {
        if (e instanceof ApiError && e.code === "conflict") {
          const d = (e.details ?? {}) as { revision?: number; scene?: Scene };
          // The newer save is this very drawing (a reply lost on the way back): adopt its revision.
          if (d.revision !== undefined && JSON.stringify(d.scene?.elements ?? []) === JSON.stringify(scene.elements)) {
            state.current.revision = d.revision;
            state.current.savedVersion = drawn.version;
            inConflict.current = false;
            setSave(state.current.latest?.version === drawn.version ? { kind: "saved" } : { kind: "unsaved" });
            return;
          }
          inConflict.current = true;
          setSave({ kind: "conflict", theirs: d.scene ?? { elements: [], appState: {}, files: {} }, revision: d.revision ?? 0 });
        } else {
          setSave({ kind: "error", message: describeError(e) });
        }
      }
    },
    [session],
  );

  const onChange = useCallback(
    (elements: readonly unknown[], appState: unknown, files: unknown) => {
      if (!session || session.status === "submitted" || session.status === "abandoned") return;
      const version = versionOf(elements);
      if (version === state.current.seenVersion && state.current.latest) return; // a render, not an edit
      state.current.seenVersion = version;
      setDrawn(elements.filter((e) => !(e as { isDeleted?: boolean }).isDeleted).length);
      state.current.latest = { elements, appState, files, version };
      if (version === state.current.savedVersion) return;
      if (inConflict.current) return; // the person chooses first
      // Same state object when nothing changed: Excalidraw calls onChange on every render.
      setSave((old) => (old.kind === "unsaved" ? old : { kind: "unsaved" }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [session, flush],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const keepMine = (revision: number) => void flush(revision);
  const takeTheirs = (theirs: Scene, revision: number) => {
    state.current.revision = revision;
    state.current.savedVersion = versionOf(theirs.elements);
    state.current.latest = null;
    inConflict.current = false;
    excalidraw.current?.updateScene({ elements: theirs.elements });
    setSave({ kind: "saved" });
  };

  const submit = async () => {
    if (!session) return;
    clearTimeout(timer.current);
    await flush();
    setSubmitting(true);
    setProblem(null);
    try {
      const done = await designApi.submit(session.id);
      setSession(done.session);
      setReview(done.review);
      if (!done.review && done.unreviewed) setProblem(`Submitted, but the review failed: ${done.unreviewed.message}. Submit again to retry.`);
    } catch (e) {
      setProblem(describeError(e));
    } finally {
      setSubmitting(false);
    }
  };

  const sessionId = session?.id;
  // Stable props: Excalidraw reads initialData once and calls onChange on each of its renders.
  const initialData = useMemo(
    () =>
      session && {
        elements: session.scene.elements as never,
        appState: { ...session.scene.appState, collaborators: new Map() } as never,
        files: session.scene.files as never,
      },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionId],
  );
  const keepApi = useCallback((a: Api) => (excalidraw.current = a), []);

  const brief = design.data?.design;
  const closed = session?.status === "submitted" || session?.status === "abandoned";
  return (
    <div className="page design-page">
      <ResourceState resource={design} what="the design problem" />
      {brief && (
        <section className="card design-brief" aria-labelledby="design-title">
          <h1 id="design-title">{brief.title}</h1>
          <p className="muted">
            <span className={`difficulty ${brief.difficulty}`}>{brief.difficulty}</span> · about {brief.estimated_minutes} minutes
          </p>
          <Markdown text={brief.statement} />
          <h2>Requirements</h2>
          <ul>{brief.requirements.map((r) => <li key={r}>{r}</li>)}</ul>
          <h2>Constraints</h2>
          <ul>{brief.constraints.map((c) => <li key={c}>{c}</li>)}</ul>
          <details>
            <summary>Hints</summary>
            <ol>{brief.hints.map((h) => <li key={h}>{h}</li>)}</ol>
          </details>
        </section>
      )}
      <section className="card" aria-label="Drawing board">
        <div className="toolbar">
          <span role="status" data-testid="design-save-state">
            {save.kind === "saved" && "Saved"}
            {save.kind === "saving" && "Saving…"}
            {save.kind === "unsaved" && "Unsaved changes"}
            {save.kind === "error" && `Not saved: ${save.message}`}
            {save.kind === "conflict" && "Another tab saved a different drawing."}
          </span>
          {save.kind === "conflict" && (
            <>
              <button type="button" className="secondary small" onClick={() => keepMine(save.revision)}>Keep mine</button>
              <button type="button" className="secondary small" onClick={() => takeTheirs(save.theirs, save.revision)}>Use theirs</button>
            </>
          )}
          <button type="button" onClick={submit} disabled={!session || submitting || (closed && review !== null)} data-testid="design-submit">
            {submitting ? "Reviewing…" : "Submit for review"}
          </button>
        </div>
        {problem && <div className="error" role="alert">{problem}</div>}
        {session && (
          <div className="design-canvas" data-testid="design-canvas" data-elements={drawn} ref={box}>
            <Excalidraw
              excalidrawAPI={keepApi}
              initialData={initialData}
              onChange={onChange as never}
              viewModeEnabled={closed}
              theme={theme}
            />
          </div>
        )}
      </section>
      {review && (
        <section className="card" aria-labelledby="review-title" data-testid="design-review">
          <h2 id="review-title">Review: {review.score}/100</h2>
          {review.strengths.length > 0 && (<><h3>Strengths</h3><ul>{review.strengths.map((s) => <li key={s}>{s}</li>)}</ul></>)}
          {review.improvements.length > 0 && (<><h3>To improve</h3><ul>{review.improvements.map((s) => <li key={s}>{s}</li>)}</ul></>)}
          {review.missing_components.length > 0 && <p>Missing: {review.missing_components.join(", ")}</p>}
          <p className="muted">Reviewed by the {review.reviewed_by} coach.</p>
        </section>
      )}
    </div>
  );
}
