/** Rooms of one kind: the public ones to join, a form to open one, and joining by code. */
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import type { RoomKind, RoomView } from "../rooms/types";
import { useApp } from "../context";

interface RoomList {
  items: RoomView[];
  total: number;
}

type LobbyKind = "contest" | "pair" | "interview";

const COPY: Record<LobbyKind, { title: string; path: string; intro: string; create: string }> = {
  contest: {
    title: "Contests",
    path: "/contests",
    intro: "Race others on the same problems with a live scoreboard.",
    create: "Create a contest",
  },
  pair: {
    title: "Pair rooms",
    path: "/pair",
    intro: "Solve a problem together in one shared editor, with chat.",
    create: "Open a pair room",
  },
  interview: {
    title: "Interviews",
    path: "/interview",
    intro: "Interview someone: open a room, post the problem, watch the candidate code live, replay it afterwards.",
    create: "Open an interview room",
  },
};

export const STATUS_WORDS: Record<string, string> = {
  waiting: "Waiting to start",
  countdown: "Starting",
  in_progress: "In progress",
  completed: "Finished",
  cancelled: "Cancelled",
};

/** The room id from a pasted invite link, or the text itself when it is an id. */
function parseCode(text: string): { room: string; code: string | null } {
  const t = text.trim();
  try {
    const url = new URL(t);
    const parts = url.pathname.split("/").filter(Boolean);
    return { room: parts[parts.length - 1] ?? "", code: url.searchParams.get("code") };
  } catch {
    return { room: t, code: null };
  }
}

export function Lobby({ kind }: { kind: LobbyKind }) {
  const copy = COPY[kind];
  const { user } = useApp();
  const navigate = useNavigate();
  const [rooms, setRooms] = useState<RoomList | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [name, setName] = useState(
    kind === "contest" ? "Practice contest" : kind === "pair" ? "Pair practice" : "Mock interview",
  );
  const [problems, setProblems] = useState("");
  const [difficulty, setDifficulty] = useState("easy");
  const [count, setCount] = useState(2);
  const [duration, setDuration] = useState(30);
  const [isPrivate, setPrivate] = useState(false);
  const [rated, setRated] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joinText, setJoinText] = useState("");
  const [inviteCode, setInviteCode] = useState("");

  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .get<RoomList>("/api/rooms", { kind, per_page: 50 })
        .then((r) => live && (setRooms(r), setListError(null)))
        .catch((e) => live && setListError(describeError(e)));
    load();
    const timer = setInterval(load, 10_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [kind]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    const slugs = problems
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const body: Record<string, unknown> = {
      kind: kind as RoomKind,
      name: name.trim() || copy.title,
      visibility: isPrivate ? "private" : "public",
      duration_minutes: duration,
    };
    // Without slugs the server draws (a pair or interview room gets one problem).
    if (slugs.length) body.problems = slugs;
    else body.difficulty = difficulty;
    if (kind === "contest") {
      body.problem_count = count;
      body.max_participants = 20;
      body.rated = rated;
      body.countdown_seconds = 5;
    } else {
      body.max_participants = 2;
    }
    try {
      const r = await api.post<{ room: RoomView }>("/api/rooms", body);
      const query = new URLSearchParams();
      if (r.room.invite_code) query.set("code", r.room.invite_code);
      const qs = query.toString();
      navigate(`${copy.path}/${r.room.id}${qs ? `?${qs}` : ""}`);
    } catch (err) {
      setFormError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const join = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCode(joinText);
    if (!parsed.room) return;
    const code = inviteCode.trim() || parsed.code;
    navigate(`${copy.path}/${encodeURIComponent(parsed.room)}${code ? `?code=${encodeURIComponent(code)}` : ""}`);
  };

  return (
    <div className="page">
      <h1>{copy.title}</h1>
      <p className="muted">{copy.intro}</p>
      <div className="lobby-grid">
        <section aria-labelledby="open-rooms">
          <h2 id="open-rooms">Open rooms</h2>
          {listError && <p className="error" role="alert">{listError}</p>}
          {!rooms && !listError && <p role="status">Loading…</p>}
          {rooms && rooms.items.length === 0 && <p className="muted">No public rooms right now. Create one!</p>}
          {rooms && rooms.items.length > 0 && (
            <ul className="room-list" data-testid="room-list">
              {rooms.items.map((r) => (
                <li key={r.id}>
                  <Link to={`${copy.path}/${r.id}`}>{r.name}</Link>
                  <span className={`room-status ${r.status}`}>{STATUS_WORDS[r.status] ?? r.status}</span>
                  <span className="muted">
                    {r.participants.length}/{r.max_participants} in · {r.problem_count} problem{r.problem_count === 1 ? "" : "s"}
                    {kind === "contest" && ` · ${r.duration_minutes} min`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="lobby-side">
          <form className="card form" onSubmit={join} aria-labelledby="join-title">
            <h2 id="join-title">Join by code</h2>
            <label className="stack">
              Room code or invite link
              <input value={joinText} onChange={(e) => setJoinText(e.target.value)} required autoComplete="off" />
            </label>
            <label className="stack">
              Invite code <span className="muted">(private rooms only)</span>
              <input value={inviteCode} onChange={(e) => setInviteCode(e.target.value)} autoComplete="off" />
            </label>
            <button type="submit">Join</button>
          </form>
          {user ? (
            <form className="card form" onSubmit={create} aria-labelledby="create-title">
              <h2 id="create-title">{copy.create}</h2>
              <label className="stack">
                Name
                <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
              </label>
              <label className="stack">
                Problems <span className="muted">(slugs, comma separated; empty for a random draw)</span>
                <input value={problems} onChange={(e) => setProblems(e.target.value)} placeholder="two-sum, anagram-classes" />
              </label>
              {!problems.trim() && (
                <label className="stack">
                  Difficulty of the draw
                  <select value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
                    <option value="easy">Easy</option>
                    <option value="medium">Medium</option>
                    <option value="hard">Hard</option>
                  </select>
                </label>
              )}
              {kind === "contest" && !problems.trim() && (
                <label className="stack">
                  Number of problems
                  <input type="number" min={1} max={12} value={count} onChange={(e) => setCount(Number(e.target.value))} />
                </label>
              )}
              <label className="stack">
                Duration (minutes)
                <input type="number" min={1} max={1440} value={duration} onChange={(e) => setDuration(Number(e.target.value))} />
              </label>
              <label className="check">
                <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} /> Private (invite
                code needed)
              </label>
              {kind === "contest" && (
                <label className="check">
                  <input type="checkbox" checked={rated} onChange={(e) => setRated(e.target.checked)} /> Rated
                </label>
              )}
              {formError && <p className="error" role="alert">{formError}</p>}
              <button type="submit" disabled={busy}>{copy.create}</button>
            </form>
          ) : (
            <p className="card"><Link to="/signin">Sign in</Link> to create or join a room.</p>
          )}
        </div>
      </div>
    </div>
  );
}
