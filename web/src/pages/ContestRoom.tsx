/**
 * A contest room: who is in, the clock, the problems once it starts, the live scoreboard
 * (`leaderboard:update`), others' progress (`participant:progress`, `submission:result`) and,
 * at the end, the final standings with rating changes (`room:end`).
 */
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { emitAck } from "../api/socket";
import { Clock } from "../components/Clock";
import { Scoreboard } from "../components/Scoreboard";
import { useApp } from "../context";
import type { Board, ProgressNote, RoomEnd, RoomView, StandingRow, SubmissionNote } from "../rooms/types";
import { nameOf, useRoom } from "../rooms/useRoom";
import { STATUS_WORDS } from "./Lobby";

interface FeedLine {
  key: string;
  text: string;
  done?: number;
}

export function ContestRoom() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const { socket, user } = useApp();
  const { joined, room, error, names, learnNames, setRoom } = useRoom(id, params.get("code"));
  const [board, setBoard] = useState<Board | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [feed, setFeed] = useState<FeedLine[]>([]);
  const [ended, setEnded] = useState<RoomEnd | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const me = user?.id;

  useEffect(() => {
    if (!joined) return;
    if (joined.leaderboard) setBoard(joined.leaderboard);
    if (joined.room.problems) setProblems(joined.room.problems);
  }, [joined]);

  useEffect(() => {
    if (room?.problems) setProblems(room.problems);
  }, [room?.problems]);

  // The REST board is there from the start (the first push comes with the first judged
  // submission): read it once the contest starts if no board came with the join.
  const started = room?.started_at != null;
  const hasBoard = board !== null;
  useEffect(() => {
    if (!started || hasBoard) return;
    let live = true;
    api
      .get<Board>(`/api/rooms/${encodeURIComponent(id)}/leaderboard`)
      .then((b) => {
        if (!live) return;
        learnNames(b.standings);
        setBoard((current) => current ?? b);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, started, hasBoard, learnNames]);

  useEffect(() => {
    if (!socket) return;
    const mine = (e: { room: string }) => e.room === id;
    // One line per submission: its progress line is replaced as tests finish, then by the verdict.
    const note = (key: string, text: string, done = 0) =>
      setFeed((f) => {
        const old = f.find((l) => l.key === key);
        if (old && (old.done ?? 0) > done) return f;
        return [{ key, text, done }, ...f.filter((l) => l.key !== key)].slice(0, 30);
      });
    const keyOf = (e: { user_id: number; problem: string; submission_id?: number | null }) =>
      `${e.user_id}-${e.problem}-${e.submission_id ?? ""}`;
    const onBoard = (b: Board) => {
      if (!mine(b)) return;
      setBoard(b);
      learnNames(b.standings);
    };
    const onStart = (e: { room: string; problems: string[] }) => mine(e) && setProblems(e.problems);
    const onProgress = (e: ProgressNote & { room: string }) => {
      if (mine(e)) {
        const text = `${nameOf(names, e.user_id, me)} is being judged on ${e.problem}: ${e.tests_done}/${e.tests_total} tests`;
        note(keyOf(e), text, e.tests_done);
      }
    };
    const onResult = (e: SubmissionNote & { room: string }) => {
      if (mine(e)) note(keyOf(e), `${nameOf(names, e.user_id, me)} got ${e.verdict} on ${e.problem}`, Infinity);
    };
    const onNew = (e: SubmissionNote & { room: string }) => {
      if (mine(e)) note(keyOf(e), `${nameOf(names, e.user_id, me)} submitted ${e.problem}`);
    };
    const onEnd = (e: RoomEnd) => {
      if (!mine(e)) return;
      setEnded(e);
      if (e.standings) {
        learnNames(e.standings);
        setBoard((b) => ({ room: id, frozen: false, final: true, standings: e.standings ?? b?.standings ?? [] }));
      }
    };
    socket.on("leaderboard:update", onBoard);
    socket.on("room:start", onStart);
    socket.on("participant:progress", onProgress);
    socket.on("submission:result", onResult);
    socket.on("submission:new", onNew);
    socket.on("room:end", onEnd);
    return () => {
      socket.off("leaderboard:update", onBoard);
      socket.off("room:start", onStart);
      socket.off("participant:progress", onProgress);
      socket.off("submission:result", onResult);
      socket.off("submission:new", onNew);
      socket.off("room:end", onEnd);
    };
  }, [socket, id, names, me, learnNames]);

  const act = async (event: "room:start" | "room:end") => {
    if (!socket) return;
    setActionError(null);
    const ack = await emitAck<{ room: RoomView }>(socket, event, { room: id });
    if (ack.ok) setRoom(ack.room);
    else setActionError(describeError(ack.error));
  };

  if (error) {
    return (
      <div className="page">
        <p className="error" role="alert">{error}</p>
        <Link to="/contests">Back to the contests</Link>
      </div>
    );
  }
  if (!room) return <p className="page" role="status">Joining the room…</p>;

  const isCreator = me === room.creator_id;
  const link = `${window.location.origin}/contests/${room.id}${room.invite_code ? `?code=${room.invite_code}` : ""}`;
  const rows: StandingRow[] = board?.standings ?? [];
  const myChange = ended?.rating_changes && me !== undefined ? ended.rating_changes[String(me)] : undefined;
  return (
    <div className="page wide">
      <p className="crumbs"><Link to="/contests">Contests</Link></p>
      <h1>{room.name}</h1>
      <div className="room-head">
        <span className={`room-status ${room.status}`} data-testid="room-status" data-status={room.status}>
          {STATUS_WORDS[room.status] ?? room.status}
        </span>
        {room.status === "countdown" && room.countdown_ends_at && <Clock until={room.countdown_ends_at} label="Starts in" />}
        {room.status === "in_progress" && room.ends_at && <Clock until={room.ends_at} label="Time left" />}
        <span className="muted">
          {room.format.toUpperCase()} · {room.duration_minutes} min{room.rated ? " · rated" : ""}
        </span>
        {isCreator && room.status === "waiting" && (
          <button type="button" onClick={() => act("room:start")}>Start the contest</button>
        )}
        {isCreator && room.status === "in_progress" && (
          <button type="button" className="secondary" onClick={() => act("room:end")}>End now</button>
        )}
      </div>
      {actionError && <p className="error" role="alert">{actionError}</p>}
      {room.status === "waiting" && (
        <p className="card invite">
          Room code <code data-testid="room-code">{room.id}</code>
          {room.invite_code && (
            <> · invite code <code data-testid="invite-code">{room.invite_code}</code></>
          )}
          <br />
          <span className="muted">Share this link: </span>
          <a href={link}>{link}</a>
        </p>
      )}
      {ended && (
        <section className="card final" aria-labelledby="final-title" data-testid="final">
          <h2 id="final-title">Final standings</h2>
          {myChange ? (
            <p data-testid="rating-change">
              Your rating: {Math.round(myChange.before)} → <strong>{Math.round(myChange.after)}</strong> (
              {myChange.delta >= 0 ? "+" : ""}
              {Math.round(myChange.delta)})
            </p>
          ) : (
            <p className="muted">{room.rated ? "No rating change for you in this contest." : "This contest was not rated."}</p>
          )}
        </section>
      )}
      <div className="contest-grid">
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">Problems</h2>
          {problems.length ? (
            <ol className="contest-problems" type="A">
              {problems.map((p) => (
                <li key={p}>
                  {room.status === "in_progress" && joined?.role === "participant" ? (
                    <Link to={`/problems/${p}?room=${encodeURIComponent(room.id)}`}>{p}</Link>
                  ) : (
                    <span>{p}</span>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{room.problem_count} problem{room.problem_count === 1 ? "" : "s"}, shown when the contest starts.</p>
          )}
          <h2>Participants ({room.participants.length}/{room.max_participants})</h2>
          <ul className="people" data-testid="participants">
            {room.participants.map((p) => (
              <li key={p.user_id} className={p.connected ? "online" : "offline"}>
                <span className="dot" aria-hidden="true" />
                <Link to={`/users/${p.user_id}`}>{nameOf(names, p.user_id, me)}</Link>
                <span className="visually-hidden">{p.connected ? " (online)" : " (offline)"}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="board-title">
          <h2 id="board-title">Scoreboard</h2>
          {rows.length ? (
            <Scoreboard
              rows={rows}
              problems={problems}
              names={names}
              me={me}
              format={room.format}
              caption={board?.final ? "Final" : board?.frozen ? "Frozen: later submissions are hidden until the end" : "Live"}
            />
          ) : (
            <p className="muted">The scoreboard appears when the contest starts.</p>
          )}
          <h2>Activity</h2>
          <ul className="feed" aria-live="polite" data-testid="feed">
            {feed.length === 0 && <li className="muted">Nothing yet.</li>}
            {feed.map((f) => (
              <li key={f.key}>{f.text}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
