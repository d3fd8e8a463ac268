/**
 * Be in a room: `room:join` once connected (again after every reconnect, since the server
 * forgets a dropped socket's rooms), keep the room state current from `room:update`, and
 * remember every display name any payload carries (room participants, board rows, chat).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../api/errors";
import { emitAck } from "../api/socket";
import { useApp } from "../context";
import type { JoinAck, RoomView } from "./types";

export interface RoomHandle {
  joined: JoinAck | null;
  room: RoomView | null;
  error: string | null;
  names: Record<number, string>;
  learnNames: (rows: { user_id: number; display_name?: string }[]) => void;
  setRoom: (room: RoomView) => void;
}

const ROOM_ERRORS: Record<string, string> = {
  room_not_found: "That room does not exist (check the code).",
  bad_invite_code: "This room is private and the invite code is wrong.",
  room_full: "This room is full.",
  room_closed: "This room has already finished.",
  already_started: "This contest has already started; you can no longer join it.",
};

/** The names a room view carries: its participants' and its creator's. */
function viewNames(room: RoomView): { user_id: number; display_name?: string }[] {
  return [...room.participants, { user_id: room.creator_id, display_name: room.creator_name }];
}

export function useRoom(roomId: string, inviteCode: string | null): RoomHandle {
  const { socket, status, user } = useApp();
  const [joined, setJoined] = useState<JoinAck | null>(null);
  const [room, setRoom] = useState<RoomView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<Record<number, string>>(() => (user ? { [user.id]: user.display_name } : {}));
  const latest = useRef(0);

  const learnNames = useCallback((rows: { user_id: number; display_name?: string }[]) => {
    const found = rows.filter((r) => r.display_name);
    if (!found.length) return;
    setNames((n) => {
      if (found.every((r) => n[r.user_id] === r.display_name)) return n;
      const next = { ...n };
      for (const r of found) next[r.user_id] = r.display_name!;
      return next;
    });
  }, []);

  useEffect(() => {
    if (!socket || status !== "connected") return;
    let live = true;
    const payload: Record<string, unknown> = { room: roomId };
    if (inviteCode) payload.invite_code = inviteCode;
    emitAck<JoinAck>(socket, "room:join", payload).then((ack) => {
      if (!live) return;
      if (!ack.ok) {
        setError(ROOM_ERRORS[ack.error.code] ?? describeError(ack.error));
        return;
      }
      setError(null);
      setJoined(ack);
      setRoom(ack.room);
      learnNames(viewNames(ack.room));
      learnNames(ack.chat);
      if (ack.leaderboard) learnNames(ack.leaderboard.standings);
    });
    const onUpdate = (e: { room: string; state: RoomView & { version?: number } }) => {
      if (e.room !== roomId) return;
      const version = e.state.version ?? 0;
      if (version && version < latest.current) return;
      latest.current = version;
      // Updates go to the whole room, spectators too, so a pair room's problems (shown to its
      // members in the join reply) are not in them: keep the ones we have.
      setRoom((prev) => ({ ...e.state, problems: e.state.problems ?? prev?.problems }));
      learnNames(viewNames(e.state));
    };
    socket.on("room:update", onUpdate);
    return () => {
      live = false;
      socket.off("room:update", onUpdate);
    };
  }, [socket, status, roomId, inviteCode, learnNames]);

  return { joined, room, error, names, learnNames, setRoom };
}

/** A person's name as far as this page knows it. */
export function nameOf(names: Record<number, string>, userId: number, me: number | undefined): string {
  const name = names[userId] ?? `Player ${userId}`;
  return userId === me ? `${name} (you)` : name;
}
