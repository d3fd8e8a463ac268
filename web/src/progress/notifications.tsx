/**
 * Your notifications, shared by the header bell and the inbox page: the newest page from
 * `GET /api/notifications`, the unread count, new ones live from Socket.IO `notification:new`,
 * and marking read (`POST /api/notifications/read`). Reloaded after every reconnect, since
 * events sent while the connection was down are not replayed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, describeError } from "../api/errors";
import { progressApi } from "../api/progress";
import type { Notification } from "../api/types";
import { useApp } from "../context";

const PAGE = 20;

interface NotificationsState {
  items: Notification[];
  unread: number;
  /** The server has no notifications endpoint (404). */
  missing: boolean;
  error: string | null;
  /** True once the first page has loaded. */
  loaded: boolean;
  /** More, older notifications may exist. */
  more: boolean;
  /** The last one that arrived live, for the toast; cleared by `dismissLatest`. */
  latest: Notification | null;
  dismissLatest: () => void;
  loadOlder: () => Promise<void>;
  markRead: (ids: number[]) => Promise<void>;
  markAllRead: () => Promise<void>;
}

const Ctx = createContext<NotificationsState | null>(null);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { user, socket, status } = useApp();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [more, setMore] = useState(false);
  const [latest, setLatest] = useState<Notification | null>(null);
  const userId = user?.id ?? null;

  // (Re)load the newest page on sign-in and every time the connection comes (back) up.
  useEffect(() => {
    if (userId === null) {
      setItems([]);
      setUnread(0);
      setLoaded(false);
      setMissing(false);
      return;
    }
    if (status !== "connected") return;
    let live = true;
    progressApi
      .notifications({ limit: PAGE })
      .then((r) => {
        if (!live) return;
        setItems(r.items);
        setUnread(r.unread);
        setMore(r.items.length === PAGE);
        setMissing(false);
        setError(null);
        setLoaded(true);
      })
      .catch((e) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404 && e.code === "not_found") setMissing(true);
        else setError(describeError(e));
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [userId, status]);

  useEffect(() => {
    if (!socket) return;
    const onNew = (n: Notification) => {
      const fresh = { ...n, read_at: null };
      setItems((list) => (list.some((x) => x.id === n.id) ? list : [fresh, ...list]));
      setUnread((u) => u + 1);
      setLatest(fresh);
    };
    socket.on("notification:new", onNew);
    return () => {
      socket.off("notification:new", onNew);
    };
  }, [socket]);

  const markRead = useCallback(async (ids: number[]) => {
    if (!ids.length) return;
    try {
      const r = await progressApi.markRead(ids);
      const now = new Date().toISOString();
      setItems((list) => list.map((n) => (ids.includes(n.id) && !n.read_at ? { ...n, read_at: now } : n)));
      setLatest((l) => (l && ids.includes(l.id) ? null : l));
      setUnread(r.unread);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  const markAllRead = useCallback(async () => {
    try {
      const r = await progressApi.markAllRead();
      const now = new Date().toISOString();
      setItems((list) => list.map((n) => (n.read_at ? n : { ...n, read_at: now })));
      setLatest(null);
      setUnread(r.unread);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  const loadOlder = useCallback(async () => {
    const oldest = items.at(-1);
    if (!oldest) return;
    try {
      const r = await progressApi.notifications({ limit: PAGE, before: oldest.id });
      setItems((list) => [...list, ...r.items.filter((n) => !list.some((x) => x.id === n.id))]);
      setMore(r.items.length === PAGE);
      setUnread(r.unread);
    } catch (e) {
      setError(describeError(e));
    }
  }, [items]);

  const dismissLatest = useCallback(() => setLatest(null), []);

  const value = useMemo(
    () => ({ items, unread, missing, error, loaded, more, latest, dismissLatest, loadOlder, markRead, markAllRead }),
    [items, unread, missing, error, loaded, more, latest, dismissLatest, loadOlder, markRead, markAllRead],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useNotifications(): NotificationsState {
  const value = useContext(Ctx);
  if (!value) throw new Error("useNotifications needs a NotificationsProvider");
  return value;
}

/** Where a notification leads when opened: achievements go to your profile. */
export function notificationTarget(n: Notification): string | null {
  if (n.kind === "achievement") return "/profile#achievements";
  const link = n.data && typeof n.data.url === "string" ? n.data.url : null;
  return link && link.startsWith("/") ? link : null;
}
