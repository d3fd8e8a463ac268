/**
 * `/admin`: the operator's page on the admin API. Site figures, users (search, role, suspend,
 * lift a suspension) and the audit log every one of those actions writes. The server checks the
 * role on every call; the page only hides itself from people who could not use it.
 */
import { useState, type FormEvent } from "react";
import { adminApi, type AdminUser, type Role } from "../api/admin";
import { describeError } from "../api/errors";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";

const ROLES: Role[] = ["user", "author", "admin"];

function Figures({ entries }: { entries: Record<string, number> }) {
  const pairs = Object.entries(entries);
  if (pairs.length === 0) return <span className="muted">none</span>;
  return <>{pairs.map(([k, v]) => `${k} ${v}`).join(" · ")}</>;
}

function Stats() {
  const stats = useResource(() => adminApi.stats(), []);
  const s = stats.data;
  return (
    <section aria-labelledby="admin-stats">
      <h2 id="admin-stats">Site</h2>
      <ResourceState resource={stats} what="site figures" />
      {s && (
        <dl className="stats-grid" data-testid="admin-stats">
          <div><dt>Users</dt><dd data-testid="stat-users">{s.users}</dd></div>
          <div><dt>New this week</dt><dd>{s.users_new_7d}</dd></div>
          <div><dt>Active today</dt><dd>{s.users_active_24h}</dd></div>
          <div><dt>Suspended</dt><dd data-testid="stat-suspended">{s.users_suspended}</dd></div>
          <div><dt>Submissions</dt><dd>{s.submissions} ({s.submissions_24h} today)</dd></div>
          <div><dt>Verdicts today</dt><dd><Figures entries={s.verdicts_24h} /></dd></div>
          <div><dt>Problems</dt><dd><Figures entries={s.problems_by_visibility} /></dd></div>
          <div><dt>Rooms</dt><dd><Figures entries={s.rooms_by_status} /></dd></div>
          <div><dt>Coach sessions open</dt><dd>{s.coach_sessions_active}</dd></div>
        </dl>
      )}
    </section>
  );
}

function UserRow({ user, me, onChanged }: { user: AdminUser; me: number; onChanged: (u: AdminUser) => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const self = user.id === me;
  const act = async (call: () => Promise<{ user: AdminUser }>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged((await call()).user);
      setReason("");
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const suspend = (e: FormEvent) => {
    e.preventDefault();
    void act(() => adminApi.suspend(user.id, reason.trim()));
  };
  return (
    <tr data-testid={`admin-user-${user.id}`}>
      <td>
        <strong>{user.display_name}</strong>
        <div className="muted">{user.email}{user.email_verified ? "" : " (not verified)"}</div>
      </td>
      <td>
        <label>
          <span className="visually-hidden">Role of {user.display_name}</span>
          <select
            value={user.role}
            disabled={busy || self}
            onChange={(e) => void act(() => adminApi.setRole(user.id, e.target.value as Role))}
          >
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      </td>
      <td>
        {user.suspended ? (
          <>
            <span className="chip bad" data-testid="suspended-chip">Suspended</span>{" "}
            <span className="muted">{user.suspended_reason}</span>{" "}
            <button type="button" disabled={busy} onClick={() => void act(() => adminApi.unsuspend(user.id))}>
              Lift suspension
            </button>
          </>
        ) : self ? (
          <span className="muted">you</span>
        ) : (
          <form className="inline-form" onSubmit={suspend}>
            <label>
              <span className="visually-hidden">Reason to suspend {user.display_name}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason" maxLength={500} required />
            </label>
            <button type="submit" disabled={busy || !reason.trim()}>Suspend</button>
          </form>
        )}
        {error && <p role="alert" className="error">{error}</p>}
      </td>
    </tr>
  );
}

function Users({ me, onAction }: { me: number; onAction: () => void }) {
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const users = useResource(() => adminApi.users(query, page), [query, page]);
  const [changed, setChanged] = useState<Record<number, AdminUser>>({});
  const search = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setQuery(q.trim());
  };
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 20));
  return (
    <section aria-labelledby="admin-users">
      <h2 id="admin-users">Users</h2>
      <form role="search" className="inline-form" onSubmit={search}>
        <label>
          <span className="visually-hidden">Search users</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Email or name" maxLength={100} />
        </label>
        <button type="submit">Search</button>
      </form>
      <ResourceState resource={users} what="users" />
      {users.data && (
        <>
          <p className="muted" data-testid="admin-user-total">{total} {total === 1 ? "user" : "users"}</p>
          <div className="table-scroll">
            <table className="board" data-testid="admin-users">
              <thead><tr><th scope="col">Account</th><th scope="col">Role</th><th scope="col">Access</th></tr></thead>
              <tbody>
                {users.data.items.map((u) => (
                  <UserRow
                    key={u.id}
                    user={changed[u.id] ?? u}
                    me={me}
                    onChanged={(next) => {
                      setChanged((old) => ({ ...old, [next.id]: next }));
                      onAction();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="User pages" className="pager">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
            <span>Page {page} of {pages}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next</button>
          </nav>
        </>
      )}
    </section>
  );
}

function Audit({ round }: { round: number }) {
  const audit = useResource(() => adminApi.audit(1), [round]);
  return (
    <section aria-labelledby="admin-audit">
      <h2 id="admin-audit">Audit log</h2>
      <ResourceState resource={audit} what="the audit log" />
      {audit.data && audit.data.items.length === 0 && <p className="muted">No admin actions yet.</p>}
      {audit.data && audit.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="board" data-testid="admin-audit">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">On</th><th scope="col">Details</th></tr></thead>
            <tbody>
              {audit.data.items.map((a) => (
                <tr key={a.id}>
                  <td>{new Date(a.at).toLocaleString()}</td>
                  <td>{a.actor_id ?? "system"}</td>
                  <td>{a.action}</td>
                  <td>{a.target_type} {a.target_id}</td>
                  <td><code>{JSON.stringify(a.details)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function AdminPage() {
  const { user } = useApp();
  const [round, setRound] = useState(0);
  if (!user || user.role !== "admin") {
    return (
      <div className="page">
        <h1>Administration</h1>
        <p>This page is for the site's administrators.</p>
      </div>
    );
  }
  return (
    <div className="page admin">
      <h1>Administration</h1>
      <Stats key={`stats-${round}`} />
      <Users me={user.id} onAction={() => setRound((r) => r + 1)} />
      <Audit round={round} />
    </div>
  );
}
