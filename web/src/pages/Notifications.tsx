/** `/notifications`: the whole inbox, newest first, with older pages on request. */
import { useState } from "react";
import { NotificationItem, useOpenNotification } from "../progress/NotificationBell";
import { useNotifications } from "../progress/notifications";

export function NotificationsPage() {
  const { items, unread, missing, error, loaded, more, loadOlder, markAllRead } = useNotifications();
  const open = useOpenNotification();
  const [loading, setLoading] = useState(false);
  const older = async () => {
    setLoading(true);
    await loadOlder();
    setLoading(false);
  };
  return (
    <div className="page">
      <h1>Notifications</h1>
      {missing && <p className="muted" data-testid="not-available">Notifications are not available on this server yet.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {!loaded && !missing && <p role="status" className="muted">Loading your notifications…</p>}
      {loaded && !missing && (
        <>
          <div className="buttons inbox-head">
            <span role="status">{unread ? `${unread} unread` : "All read"}</span>
            {unread > 0 && (
              <button type="button" className="secondary" onClick={() => void markAllRead()}>Mark all as read</button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted">No notifications yet. Solve problems to earn achievements.</p>
          ) : (
            <ul className="notes inbox" data-testid="inbox">
              {items.map((n) => (
                <NotificationItem key={n.id} n={n} onOpen={open} />
              ))}
            </ul>
          )}
          {more && (
            <button type="button" className="secondary" disabled={loading} onClick={older}>
              {loading ? "Loading…" : "Show older"}
            </button>
          )}
        </>
      )}
    </div>
  );
}
