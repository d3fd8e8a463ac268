/**
 * Server-side autosave of the editor through a practice session: `session:open` resumes the
 * open session (or starts one), `session:autosave` stores the text against the revision it
 * was based on, and a stale base is a conflict the person resolves.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { describeError } from "./api/errors";
import { emitAck } from "./api/socket";
import type { LanguageId } from "./api/types";

export type SaveState =
  | { kind: "off" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "conflict"; theirs: string; revision: number }
  | { kind: "error"; message: string };

interface PracticeSession {
  id: number;
  code: Partial<Record<LanguageId, string>>;
  revision: number;
  time_spent: number;
}

interface Options {
  socket: Socket | null;
  connected: boolean;
  slug: string;
  language: LanguageId;
  /** The editor text; null until the problem is loaded. */
  code: string | null;
  /** Text the session had that should replace the editor's (resume on another device). */
  onResume: (code: string) => void;
  /** Whether this browser holds its own draft (it then wins over the session's text). */
  hasLocalDraft: boolean;
}

const DELAY_MS = 1200;

export function useAutosave({ socket, connected, slug, language, code, onResume, hasLocalDraft }: Options) {
  const [state, setState] = useState<SaveState>({ kind: "off" });
  const session = useRef<{ id: number; revision: number; savedCode: string; spent: number } | null>(null);
  const openedAt = useRef(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ code, language, onResume, hasLocalDraft });
  latest.current = { code, language, onResume, hasLocalDraft };
  const inConflict = useRef(false);
  const loaded = code !== null;

  const save = useCallback(
    async (base?: number) => {
      const s = session.current;
      const { code: text, language: lang } = latest.current;
      if (!socket || !s || text === null) return;
      if (text === s.savedCode && base === undefined) {
        setState({ kind: "saved" });
        return;
      }
      // Offline, an emit would be buffered and sent on reconnect with a base that may be stale
      // by then; the reopen on reconnect saves instead.
      if (!socket.connected) {
        setState({ kind: "unsaved" });
        return;
      }
      setState({ kind: "saving" });
      const spent = s.spent + Math.round((Date.now() - openedAt.current) / 1000);
      const ack = await emitAck<{ revision: number }>(socket, "session:autosave", {
        session: s.id,
        code: text,
        language: lang,
        base_revision: base ?? s.revision,
        time_spent: spent,
      });
      // A reconnect reopened the session while this save was out: the reopen owns the state now.
      if (session.current !== s) return;
      if (ack.ok) {
        s.revision = ack.revision;
        s.savedCode = text;
        inConflict.current = false;
        setState(latest.current.code === text ? { kind: "saved" } : { kind: "unsaved" });
        return;
      }
      if (ack.error.code === "conflict") {
        const d = (ack.error.details ?? {}) as { revision?: number; code?: Partial<Record<LanguageId, string>> };
        // The newer save holds this very text (a save whose ack was lost to a dropped
        // connection): nothing to resolve, adopt its revision.
        if (d.code?.[lang] === text && d.revision !== undefined) {
          s.revision = d.revision;
          s.savedCode = text;
          inConflict.current = false;
          setState(latest.current.code === text ? { kind: "saved" } : { kind: "unsaved" });
          return;
        }
        inConflict.current = true;
        setState({ kind: "conflict", theirs: d.code?.[lang] ?? "", revision: d.revision ?? s.revision });
        return;
      }
      setState({ kind: "error", message: describeError(ack.error) });
    },
    [socket],
  );

  // Open (or resume) the session whenever the connection comes (back) for this problem and language.
  useEffect(() => {
    if (!socket || !connected || !loaded) return;
    let live = true;
    emitAck<{ session: PracticeSession; created: boolean }>(socket, "session:open", { problem: slug, language }).then(
      (ack) => {
        if (!live) return;
        if (!ack.ok) {
          setState({ kind: "error", message: describeError(ack.error) });
          return;
        }
        const theirs = ack.session.code[language] ?? "";
        session.current = { id: ack.session.id, revision: ack.session.revision, savedCode: theirs, spent: ack.session.time_spent };
        openedAt.current = Date.now();
        const { code: mine, hasLocalDraft: draft, onResume: resume } = latest.current;
        if (!draft && theirs && theirs !== mine) {
          resume(theirs);
          session.current.savedCode = theirs;
          setState({ kind: "saved" });
        } else if (mine !== theirs) {
          void save();
        } else {
          setState({ kind: "saved" });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [socket, connected, loaded, slug, language, save]);

  // Save a moment after typing stops.
  useEffect(() => {
    if (!session.current || code === null || inConflict.current) return;
    if (code === session.current.savedCode) return;
    setState({ kind: "unsaved" });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [code, save]);

  /** Conflict choices: keep this text (overwrite the newer save) or take the saved text. */
  const keepMine = useCallback(() => {
    if (state.kind !== "conflict") return;
    void save(state.revision);
  }, [state, save]);

  const takeTheirs = useCallback(() => {
    if (state.kind !== "conflict" || !session.current) return;
    session.current.revision = state.revision;
    session.current.savedCode = state.theirs;
    inConflict.current = false;
    latest.current.onResume(state.theirs);
    setState({ kind: "saved" });
  }, [state]);

  return { state, keepMine, takeTheirs };
}
