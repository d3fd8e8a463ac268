/**
 * The header's bell: the unread count, a panel with the newest notifications (Escape or a
 * click elsewhere closes it and focus returns to the bell), and a short toast when one
 * arrives live.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { Notification } from "../api/types";
import { ago } from "./format";
import { notificationTarget, useNotifications } from "./notifications";

const KIND_WORDS: Record<string, string> = { achievement: "Achievement", admin: "Announcement" };

export function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const unread = !n.read_at;
  return (
    <li className={`note${unread ? " unread" : ""}`} data-testid="notification" data-kind={n.kind} data-unread={unread}>
      <button type="button" className="note-open" onClick={() => onOpen(n)}>
        <span className="note-kind">
          {unread && <span className="note-dot" aria-hidden="true" />}
          {KIND_WORDS[n.kind] ?? n.kind}
          {unread && <span className="visually-hidden"> (unread)</span>}
        </span>
        <strong className="note-title">{n.title}</strong>
        {n.body && <span className="note-body">{n.body}</span>}
        <time className="muted note-time" dateTime={n.created_at} title={new Date(n.created_at).toLocaleString()}>
          {ago(n.created_at)}
        </time>
      </button>
    </li>
  );
}

/** Opening one marks it read and goes where it points. */
export function useOpenNotification(after?: () => void) {
  const { markRead } = useNotifications();
  const navigate = useNavigate();
  return (n: Notification) => {
    if (!n.read_at) void markRead([n.id]);
    const target = notificationTarget(n);
    after?.();
    if (target) navigate(target);
  };
}

function Toast() {
  const { latest, dismissLatest } = useNotifications();
  useEffect(() => {
    if (!latest) return;
    const timer = setTimeout(dismissLatest, 8000);
    return () => clearTimeout(timer);
  }, [latest, dismissLatest]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {latest && (
        <div className="toast" data-testid="toast">
          <span>
            <strong>{latest.title}</strong>
            {latest.body ? ` — ${latest.body}` : ""}
          </span>
          <button type="button" className="secondary small" onClick={dismissLatest} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function NotificationBell() {
  const { items, unread, missing, error, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  // The panel hangs under the bell but stays inside the viewport (the bell moves on a phone).
  const [place, setPlace] = useState<{ top: number; right: number; width: number } | null>(null);
  const measure = () => {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const vw = document.documentElement.clientWidth;
    const width = Math.min(384, vw - 16);
    setPlace({ top: rect.bottom + 6, width, right: Math.max(8, Math.min(vw - rect.right, vw - width - 8)) });
  };
  const toggle = () => {
    if (!open) measure();
    setOpen((o) => !o);
  };
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const close = (focusBell: boolean) => {
    setOpen(false);
    if (focusBell) button.current?.focus();
  };
  const openItem = useOpenNotification(() => setOpen(false));

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(true);
    };
    const onClick = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    window.addEventListener("resize", measure);
    return () => {
      window.removeEventListener("resize", measure);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  // A server without the inbox: no bell, unless live notifications still arrive.
  if (missing && items.length === 0) return null;
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <div className="bell-wrap">
      <button
        ref={button}
        type="button"
        className="secondary bell"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="bell"
        data-unread={unread}
        onClick={toggle}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="badge" data-testid="unread-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div ref={panel} id={panelId} className="bell-panel card" style={place ?? undefined} role="region" aria-label="Notifications" data-testid="bell-panel">
          <div className="bell-head">
            <h2>Notifications</h2>
            {unread > 0 && !missing && (
              <button type="button" className="secondary small" onClick={() => void markAllRead()}>
                Mark all as read
              </button>
            )}
          </div>
          {error && <p className="error" role="alert">{error}</p>}
          {items.length === 0 ? (
            <p className="muted">Nothing yet. Solve problems to earn achievements.</p>
          ) : (
            <ul className="notes">
              {items.slice(0, 8).map((n) => (
                <NotificationItem key={n.id} n={n} onOpen={openItem} />
              ))}
            </ul>
          )}
          <p className="bell-foot">
            <Link to="/notifications" onClick={() => setOpen(false)}>All notifications</Link>
          </p>
        </div>
      )}
      <Toast />
    </div>
  );
}
