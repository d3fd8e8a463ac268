/**
 * A pair or interview room: one shared editor (Yjs over Socket.IO, others' cursors with names
 * and colours), the problem (the room's; in an interview the last one the interviewer posted
 * with `room:problem`), runs everyone in the room sees with the name of who ran them
 * (`room:run` names a run; its `code:progress`/`code:result` follow), and the room's chat.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { emitAck } from "../api/socket";
import { LANGUAGES, type LanguageId, type Problem, type ProgressEvent, type ResultEvent } from "../api/types";
import { CollabEditor } from "../components/CollabEditor";
import { Markdown } from "../components/Markdown";
import { applyProgress, applyResult, Results, type RunState } from "../components/Results";
import { useApp } from "../context";
import type { ChatMessage, RunNote } from "../rooms/types";
import { nameOf, useRoom } from "../rooms/useRoom";
import { SharedDoc } from "../rooms/yjsGlue";

// Excalidraw is large: the board loads when someone in the room first opens it.
const SharedBoard = lazy(() => import("../rooms/SharedBoard").then((m) => ({ default: m.SharedBoard })));

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e377c2", "#8c564b", "#17becf", "#bcbd22"];

interface Peer {
  clientId: number;
  name: string;
  color: string;
}

const newRun = (id: number | null): RunState => ({
  mode: "run",
  submissionId: id,
  compiled: null,
  tests: {},
  total: null,
  result: null,
  problem: null,
  live: 0,
});

const COPY = {
  pair: { title: "Pair rooms", path: "/pair" },
  interview: { title: "Interviews", path: "/interview" },
};

export function PairRoom({ kind = "pair" }: { kind?: "pair" | "interview" }) {
  const copy = COPY[kind];
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const { socket, status, user, theme } = useApp();
  const { joined, room, error, names, learnNames } = useRoom(id, params.get("code"));
  const shared = useMemo(() => new SharedDoc(id), [id]);
  const [synced, setSynced] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [language, setLanguage] = useState<LanguageId>("python");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [chat, setChat] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState("");
  const [chatError, setChatError] = useState<string | null>(null);
  const [run, setRun] = useState<RunState | null>(null);
  const [runners, setRunners] = useState<Record<number, RunNote>>({});
  const [posting, setPosting] = useState("");
  const [postError, setPostError] = useState<string | null>(null);
  const [board, setBoard] = useState(false);
  const runId = useRef<number | null>(null);
  const me = user?.id;

  useEffect(() => shared.retain(), [shared]);

  // Sync the document after each (re)join; announce our cursor's name and colour.
  useEffect(() => {
    if (!socket || !joined || status !== "connected") return;
    shared.onRefused = (message) => setSyncError(message);
    if (user) {
      shared.awareness.setLocalStateField("user", {
        name: user.display_name,
        color: COLOURS[user.id % COLOURS.length],
        colorLight: `${COLOURS[user.id % COLOURS.length]}33`,
      });
    }
    shared.attach(socket).then((ok) => setSynced(ok));
  }, [socket, joined, status, shared, user]);

  useEffect(() => {
    if (joined) setChat(joined.chat);
  }, [joined]);

  // The room's problem (members see it from the join on); an interview's is the last posted.
  const slug = room?.problems?.at(-1) ?? null;

  useEffect(() => {
    if (!slug) return;
    let live = true;
    api
      .get<{ problem: Problem }>(`/api/problems/${encodeURIComponent(slug)}`)
      .then((r) => live && setProblem(r.problem))
      .catch(() => live && setProblem(null));
    return () => {
      live = false;
    };
  }, [slug]);

  const ytext = shared.doc.getText(language);
  // The creator fills an empty text with the starter code after the first sync; when an
  // interviewer posts another problem, its starter replaces the last one if nobody changed it.
  const starterPut = useRef<string | null>(null);
  useEffect(() => {
    if (!synced || !problem || me !== room?.creator_id) return;
    const starter = problem.starter_code[language];
    if (!starter) return;
    const text = ytext.toString();
    if (text === starter) {
      starterPut.current = starter;
      return;
    }
    if (text.length === 0) ytext.insert(0, starter);
    else if (text === starterPut.current) {
      shared.doc.transact(() => {
        ytext.delete(0, ytext.length);
        ytext.insert(0, starter);
      });
    } else return;
    starterPut.current = starter;
  }, [synced, problem, language, ytext, me, room?.creator_id, shared]);

  useEffect(() => {
    const read = () => {
      const list: Peer[] = [];
      shared.awareness.getStates().forEach((state, clientId) => {
        const u = (state as { user?: { name: string; color: string } }).user;
        if (u) list.push({ clientId, name: u.name, color: u.color });
      });
      setPeers(list);
    };
    read();
    shared.awareness.on("change", read);
    return () => shared.awareness.off("change", read);
  }, [shared]);

  useEffect(() => {
    if (!socket) return;
    const onChat = (m: ChatMessage & { room: string }) => {
      if (m.room !== id) return;
      setChat((c) => (m.id !== undefined && c.some((x) => x.id === m.id) ? c : [...c, m]));
      learnNames([m]);
    };
    const onRun = (e: RunNote) => {
      if (e.room !== id) return;
      setRunners((r) => ({ ...r, [e.submission_id]: e }));
      learnNames([e]);
    };
    // Everyone's runs in this room arrive here: follow the newest one.
    const onProgress = (e: ProgressEvent) => {
      if (runId.current === null || e.submission_id > runId.current) {
        runId.current = e.submission_id;
        setRun(applyProgress(newRun(e.submission_id), e));
      } else if (e.submission_id === runId.current) setRun((r) => (r ? applyProgress(r, e) : r));
    };
    const onResult = (e: ResultEvent) => {
      if (runId.current === null || e.submission_id > runId.current) {
        runId.current = e.submission_id;
        setRun(applyResult(newRun(e.submission_id), e));
      } else if (e.submission_id === runId.current) setRun((r) => (r ? applyResult(r, e) : r));
    };
    socket.on("room:chat", onChat);
    socket.on("room:run", onRun);
    socket.on("code:progress", onProgress);
    socket.on("code:result", onResult);
    return () => {
      socket.off("room:chat", onChat);
      socket.off("room:run", onRun);
      socket.off("code:progress", onProgress);
      socket.off("code:result", onResult);
    };
  }, [socket, id, learnNames]);

  const execute = async () => {
    if (!socket || !slug) return;
    setRun(newRun(null));
    const ack = await emitAck<{ submission_id: number }>(socket, "code:execute", {
      problem: slug,
      language,
      code: ytext.toString(),
      mode: "run",
      room: id,
    });
    if (!ack.ok) setRun({ ...newRun(null), problem: describeError(ack.error) });
    else if (runId.current === null || ack.submission_id > runId.current) {
      runId.current = ack.submission_id;
      setRun((r) => (r && r.submissionId === null ? { ...r, submissionId: ack.submission_id } : r));
    }
  };

  const post = async (e: FormEvent) => {
    e.preventDefault();
    const wanted = posting.trim();
    if (!socket || !wanted) return;
    setPostError(null);
    const ack = await emitAck<{ problem: { slug: string } }>(socket, "room:problem", { room: id, problem: wanted });
    if (ack.ok) setPosting("");
    else setPostError(ack.error.code === "problem_not_found" ? `There is no problem "${wanted}".` : describeError(ack.error));
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!socket || !text) return;
    setChatError(null);
    const ack = await emitAck<{ message_id: number }>(socket, "room:chat", { room: id, text });
    if (ack.ok) setDraft("");
    else setChatError(describeError(ack.error));
  };

  if (error) {
    return (
      <div className="page">
        <p className="error" role="alert">{error}</p>
        <Link to={copy.path}>Back to the {copy.title.toLowerCase()}</Link>
      </div>
    );
  }
  if (!room) return <p className="page" role="status">Joining the room…</p>;

  const invite = `${window.location.origin}${copy.path}/${room.id}${
    room.invite_code ? `?${new URLSearchParams({ code: room.invite_code })}` : ""
  }`;
  const offline = status !== "connected";
  const host = me === room.creator_id;
  const runner = run?.submissionId != null ? runners[run.submissionId] : undefined;
  return (
    <div className="pair-layout">
      <div className="pair-main">
        <p className="crumbs">
          <Link to={copy.path}>{copy.title}</Link>
          {kind === "pair" && (
            <>
              {" · "}
              <Link to={`${copy.path}/${room.id}/playback`}>Playback</Link>
            </>
          )}
        </p>
        <h1>{room.name}</h1>
        {kind === "interview" && (
          <p className="muted" data-testid="interview-roles">
            Interviewer: <strong>{host ? "you" : nameOf(names, room.creator_id, me)}</strong>
            {room.participants.length > 0 && (
              <> · Candidate: <strong>{room.participants.map((p) => nameOf(names, p.user_id, me)).join(", ")}</strong></>
            )}
            {" · "}
            <Link to={`${copy.path}/${room.id}/playback`}>Playback</Link>
          </p>
        )}
        {kind === "interview" && host && (
          <form className="toolbar" onSubmit={post} aria-label="Post a problem">
            <label>
              Problem to post{" "}
              <input value={posting} onChange={(e) => setPosting(e.target.value)} placeholder="problem slug, e.g. two-sum" autoComplete="off" />
            </label>
            <button type="submit" disabled={offline || !posting.trim()}>Post problem</button>
            {postError && <span className="error" role="alert">{postError}</span>}
          </form>
        )}
        <div className="room-head">
          <span className="muted">
            {problem ? <>Problem: <strong>{problem.title}</strong></> : slug ? "Loading the problem…" : kind === "interview" && !host ? "Waiting for the interviewer to post a problem." : "No problem chosen yet."}
          </span>
          <ul className="peers" aria-label="In the editor" data-testid="peers">
            {peers.map((p) => (
              <li key={p.clientId} style={{ borderColor: p.color }}>
                <span className="dot" style={{ background: p.color }} aria-hidden="true" />
                {p.name}
                {p.clientId === shared.doc.clientID ? " (you)" : ""}
              </li>
            ))}
          </ul>
        </div>
        {syncError && <p className="error" role="alert">The shared editor refused a change: {syncError}</p>}
        <div className="toolbar">
          <label>
            Language{" "}
            <select value={language} onChange={(e) => setLanguage(e.target.value as LanguageId)}>
              {LANGUAGES.map((l) => (
                <option key={l.id} value={l.id}>{l.label}</option>
              ))}
            </select>
          </label>
          <button type="button" className="secondary" disabled={offline || !slug || (run !== null && !run.result && !run.problem)} onClick={execute}>
            Run for everyone
          </button>
          {!synced && <span className="muted" role="status">Syncing the shared editor…</span>}
        </div>
        <CollabEditor
          ytext={ytext}
          awareness={shared.awareness}
          language={language}
          dark={theme === "dark"}
          label={`Shared code editor, ${language}. Press Escape then Tab to leave the editor.`}
        />
        <div className="toolbar">
          <button type="button" className="secondary" aria-expanded={board} onClick={() => setBoard((b) => !b)}>
            {board ? "Hide the drawing board" : "Open the drawing board"}
          </button>
          <span className="muted">A shared whiteboard for sketching the design together.</span>
        </div>
        {board && (
          <Suspense fallback={<p role="status" className="muted">Loading the drawing board…</p>}>
            <SharedBoard doc={shared.doc} dark={theme === "dark"} />
          </Suspense>
        )}
        {run && runner && (
          <p className="muted" data-testid="run-by">
            Run by <strong>{nameOf(names, runner.user_id, me)}</strong>
          </p>
        )}
        {run && <Results run={run} />}
        {problem && (
          <details className="pair-statement">
            <summary>Problem statement</summary>
            <Markdown text={problem.statement} />
          </details>
        )}
      </div>
      <aside className="pair-side">
        <section className="card" aria-labelledby="chat-title">
          <h2 id="chat-title">Chat</h2>
          <ol className="chat" aria-live="polite" data-testid="chat">
            {chat.length === 0 && <li className="muted">No messages yet.</li>}
            {chat.map((m, i) => (
              <li key={m.id ?? `${m.at}-${i}`}>
                <strong>{m.user_id === me ? "You" : m.display_name || nameOf(names, m.user_id, me)}:</strong> {m.text}
              </li>
            ))}
          </ol>
          {chatError && <p className="error" role="alert">{chatError}</p>}
          <form className="chat-form" onSubmit={send}>
            <label className="visually-hidden" htmlFor="chat-text">Message</label>
            <input id="chat-text" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={2000} placeholder="Say something" autoComplete="off" />
            <button type="submit" disabled={offline || !draft.trim()}>Send</button>
          </form>
        </section>
        <section className="card">
          <h2>Invite</h2>
          <p>Room code <code data-testid="room-code">{room.id}</code></p>
          <p className="muted">Or share this link:</p>
          <a href={invite} className="invite-link">{invite}</a>
        </section>
      </aside>
    </div>
  );
}
