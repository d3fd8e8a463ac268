/**
 * Profiles. `/profile`: your own (`GET/PUT /api/users/me/profile`) with an edit form, your recent
 * submissions (`GET /api/submissions`) and practice sessions (`GET /api/sessions`). `/users/:id`:
 * someone's public profile (`GET /api/users/{id}`). Both show the rating and its history
 * (`GET /api/users/{id}/ratings`), one point per rated contest.
 */
import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { replaceLogin, userChanged } from "../api/session";
import { LANGUAGES, type LanguageId, type TokenPair } from "../api/types";
import { useApp } from "../context";
import { AchievementsCard, ProgressStats } from "../progress/ProfileProgress";

interface PublicProfile {
  id: number;
  display_name: string;
  bio: string;
  experience_level: string;
  preferred_languages: string[];
  target_companies: string[];
  rating: number;
  created_at: string;
}

interface OwnProfile extends PublicProfile {
  email: string;
  email_verified: boolean;
  role: string;
}

/** Unconfirmed address: say so, and offer a fresh link (the older one stops working). */
function EmailStatus({ verified }: { verified: boolean }) {
  const [note, setNote] = useState<string | null>(null);
  if (verified) return <span data-testid="email-status"> · confirmed</span>;
  const resend = async () => {
    try {
      await api.post("/api/auth/verify-email/send");
      setNote("A new confirmation link is on its way.");
    } catch (e) {
      setNote(describeError(e));
    }
  };
  return (
    <span data-testid="email-status">
      {" "}· not confirmed yet{" "}
      <button type="button" className="link" onClick={resend}>send a new link</button>
      {note && <span role="status"> {note}</span>}
    </span>
  );
}

interface RatingPoint {
  room_id: string;
  rating_before: number;
  rating_after: number;
  rank: number;
  at: string;
}

interface RatingHistory {
  user_id: number;
  rating: number;
  history: RatingPoint[];
}

interface SubmissionRow {
  id: number;
  problem: string | null;
  language: string;
  mode: string;
  status: string;
  verdict: string | null;
  created_at: string;
}

interface SessionRow {
  id: number;
  problem_slug: string;
  problem_title: string;
  language: string;
  status: string;
  updated_at: string;
}

const LEVELS = ["beginner", "intermediate", "advanced", "expert"];
const languageLabel = (id: string) => LANGUAGES.find((l) => l.id === id)?.label ?? id;
const when = (iso: string) => new Date(iso).toLocaleString();

/** The rating after each contest as a small line chart (text table next to it for readers). */
function RatingChart({ history }: { history: RatingPoint[] }) {
  const points = [history[0].rating_before, ...history.map((h) => h.rating_after)];
  const lo = Math.min(...points) - 20;
  const hi = Math.max(...points) + 20;
  const w = 320;
  const h = 100;
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * (w - 16) + 8);
  const y = (v: number) => h - 8 - ((v - lo) / (hi - lo)) * (h - 16);
  const path = points.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  return (
    <svg className="rating-chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Rating from ${Math.round(points[0])} to ${Math.round(points.at(-1)!)}`}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2" />
      {points.map((v, i) => (
        <circle key={i} cx={x(i)} cy={y(v)} r="3" fill="currentColor" />
      ))}
    </svg>
  );
}

function Ratings({ userId }: { userId: number }) {
  const [data, setData] = useState<RatingHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<RatingHistory>(`/api/users/${userId}/ratings`)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [userId]);
  return (
    <section className="card" aria-labelledby="rating-title">
      <h2 id="rating-title">Rating</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p role="status">Loading…</p>}
      {data && (
        <>
          <p>
            <strong className="rating-now" data-testid="rating">{Math.round(data.rating)}</strong>{" "}
            <span className="muted">after {data.history.length} rated contest{data.history.length === 1 ? "" : "s"}</span>
          </p>
          {data.history.length > 0 && (
            <>
              <RatingChart history={data.history} />
              <div className="table-wrap">
                <table className="scoreboard" data-testid="rating-history">
                  <caption>Rating history</caption>
                  <thead>
                    <tr><th scope="col">When</th><th scope="col">Contest</th><th scope="col">Rank</th><th scope="col">Change</th></tr>
                  </thead>
                  <tbody>
                    {[...data.history].reverse().map((p) => {
                      const delta = Math.round(p.rating_after - p.rating_before);
                      return (
                        <tr key={`${p.room_id}-${p.at}`}>
                          <td>{when(p.at)}</td>
                          <td><Link to={`/contests/${p.room_id}`}>Contest</Link></td>
                          <td>{p.rank}</td>
                          <td className={delta >= 0 ? "ok" : "bad"}>
                            {delta >= 0 ? "+" : ""}{delta} → {Math.round(p.rating_after)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Activity() {
  const [subs, setSubs] = useState<SubmissionRow[] | null>(null);
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      api.get<{ items: SubmissionRow[] }>("/api/submissions", { per_page: 10 }),
      api.get<{ items: SessionRow[] }>("/api/sessions", { per_page: 10 }),
    ])
      .then(([s, p]) => {
        if (!live) return;
        setSubs(s.items);
        setSessions(p.items);
      })
      .catch((e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <section className="card" aria-labelledby="subs-title">
        <h2 id="subs-title">Recent submissions</h2>
        {error && <p className="error" role="alert">{error}</p>}
        {subs && subs.length === 0 && <p className="muted">No submissions yet.</p>}
        {subs && subs.length > 0 && (
          <ul className="activity" data-testid="recent-submissions">
            {subs.map((s) => (
              <li key={s.id}>
                <span className={`verdict-chip ${s.verdict === "AC" ? "ok" : s.verdict ? "bad" : ""}`}>{s.verdict ?? s.status}</span>
                {s.problem ? <Link to={`/problems/${s.problem}`}>{s.problem}</Link> : <span>custom input</span>}
                <span className="muted">
                  {s.mode === "submit" ? "submit" : "run"} · {languageLabel(s.language)} · {when(s.created_at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Practice sessions</h2>
        {sessions && sessions.length === 0 && <p className="muted">No practice sessions yet.</p>}
        {sessions && sessions.length > 0 && (
          <ul className="activity" data-testid="practice-sessions">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link to={`/problems/${s.problem_slug}`}>{s.problem_title || s.problem_slug}</Link>
                <span className="muted">
                  {s.status} · {languageLabel(s.language)} · {when(s.updated_at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function EditProfile({ profile, onSaved }: { profile: OwnProfile; onSaved: (p: OwnProfile) => void }) {
  const [name, setName] = useState(profile.display_name);
  const [bio, setBio] = useState(profile.bio);
  const [level, setLevel] = useState(profile.experience_level);
  const [languages, setLanguages] = useState<string[]>(profile.preferred_languages);
  const [companies, setCompanies] = useState(profile.target_companies.join(", "));
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setState("saving");
    setError(null);
    try {
      const r = await api.put<{ user: OwnProfile }>("/api/users/me/profile", {
        display_name: name.trim(),
        bio,
        experience_level: level,
        preferred_languages: languages,
        target_companies: companies.split(",").map((c) => c.trim()).filter(Boolean),
      });
      onSaved(r.user);
      setState("saved");
    } catch (err) {
      setError(describeError(err));
      setState("idle");
    }
  };
  const toggle = (id: LanguageId) =>
    setLanguages((l) => (l.includes(id) ? l.filter((x) => x !== id) : l.length < 5 ? [...l, id] : l));

  return (
    <form className="card form" onSubmit={save} aria-labelledby="edit-title">
      <h2 id="edit-title">Edit your profile</h2>
      <label className="stack">
        Display name
        <input value={name} onChange={(e) => (setName(e.target.value), setState("idle"))} maxLength={80} required />
      </label>
      <label className="stack">
        About you
        <textarea className="prose" rows={3} value={bio} onChange={(e) => (setBio(e.target.value), setState("idle"))} maxLength={2000} />
      </label>
      <label className="stack">
        Experience
        <select value={level} onChange={(e) => (setLevel(e.target.value), setState("idle"))}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>{l[0].toUpperCase() + l.slice(1)}</option>
          ))}
        </select>
      </label>
      <fieldset className="languages">
        <legend>Preferred languages</legend>
        {LANGUAGES.map((l) => (
          <label key={l.id} className="check">
            <input type="checkbox" checked={languages.includes(l.id)} onChange={() => (toggle(l.id), setState("idle"))} /> {l.label}
          </label>
        ))}
      </fieldset>
      <label className="stack">
        Target companies <span className="muted">(comma separated)</span>
        <input value={companies} onChange={(e) => (setCompanies(e.target.value), setState("idle"))} />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="buttons">
        <button type="submit" disabled={state === "saving"}>Save profile</button>
        {state === "saved" && <span className="save-state saved" role="status">Saved</span>}
      </div>
    </form>
  );
}

/** Every login of the account ends; this device is signed in again with the new tokens. */
function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [state, setState] = useState<"idle" | "saving" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setState("saving");
    setError(null);
    try {
      await replaceLogin(() =>
        api.post<TokenPair>("/api/auth/change-password", { current_password: current, new_password: next }),
      );
      setCurrent("");
      setNext("");
      setState("done");
    } catch (err) {
      setError(describeError(err));
      setState("idle");
    }
  };

  return (
    <form className="card form" onSubmit={change} aria-labelledby="password-title" data-testid="change-password">
      <h2 id="password-title">Change your password</h2>
      <label className="stack">
        Current password
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label className="stack">
        New password
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} minLength={8} required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="buttons">
        <button type="submit" disabled={state === "saving"}>Change password</button>
        {state === "done" && (
          <span className="save-state saved" role="status">Password changed. Every other device was signed out.</span>
        )}
      </div>
    </form>
  );
}

function About({ profile }: { profile: PublicProfile }) {
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      {profile.bio ? <p className="bio">{profile.bio}</p> : <p className="muted">No bio yet.</p>}
      <dl className="facts">
        <dt>Experience</dt>
        <dd>{profile.experience_level.charAt(0).toUpperCase() + profile.experience_level.slice(1)}</dd>
        <dt>Languages</dt>
        <dd>{profile.preferred_languages.length ? profile.preferred_languages.map(languageLabel).join(", ") : "—"}</dd>
        <dt>Aiming for</dt>
        <dd>{profile.target_companies.length ? profile.target_companies.join(", ") : "—"}</dd>
        <dt>Member since</dt>
        <dd>{new Date(profile.created_at).toLocaleDateString()}</dd>
      </dl>
    </section>
  );
}

/** `/profile`: the signed-in person's own profile. */
export function MyProfile() {
  const [profile, setProfile] = useState<OwnProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<{ user: OwnProfile }>("/api/users/me/profile")
      .then((r) => live && setProfile(r.user))
      .catch((e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, []);
  if (error) return <p className="page error" role="alert">{error}</p>;
  if (!profile) return <p className="page" role="status">Loading your profile…</p>;
  const saved = (p: OwnProfile) => {
    setProfile(p);
    userChanged({ id: p.id, email: p.email, display_name: p.display_name, role: p.role });
  };
  return (
    <div className="page">
      <h1 data-testid="profile-name">{profile.display_name}</h1>
      <p className="muted">
        {profile.email}
        <EmailStatus verified={profile.email_verified} /> · <Link to={`/users/${profile.id}`}>your public profile</Link>
      </p>
      <div className="profile-grid">
        <div className="profile-col">
          <About profile={profile} />
          <ProgressStats userId={profile.id} />
          <AchievementsCard userId={profile.id} own />
          <Ratings userId={profile.id} />
        </div>
        <div className="profile-col">
          <EditProfile profile={profile} onSaved={saved} />
          <ChangePassword />
          <Activity />
        </div>
      </div>
    </div>
  );
}

/** `/users/:id`: anyone's public profile. */
export function PublicProfilePage() {
  const { id = "" } = useParams();
  const { user } = useApp();
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setProfile(null);
    api
      .get<{ user: PublicProfile }>(`/api/users/${encodeURIComponent(id)}`)
      .then((r) => live && (setProfile(r.user), setError(null)))
      .catch((e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [id]);
  if (error) return <p className="page error" role="alert">{error}</p>;
  if (!profile) return <p className="page" role="status">Loading the profile…</p>;
  return (
    <div className="page">
      <h1 data-testid="profile-name">{profile.display_name}</h1>
      {user?.id === profile.id && (
        <p className="muted">This is how others see you. <Link to="/profile">Edit your profile</Link></p>
      )}
      <div className="profile-grid">
        <div className="profile-col">
          <About profile={profile} />
          <ProgressStats userId={profile.id} />
        </div>
        <div className="profile-col">
          <AchievementsCard userId={profile.id} own={user?.id === profile.id} />
          <Ratings userId={profile.id} />
        </div>
      </div>
    </div>
  );
}
