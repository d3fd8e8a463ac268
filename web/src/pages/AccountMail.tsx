/** The pages that mailed links open: confirm an address, ask for and set a new password. */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { currentUser, signedOut, userChanged } from "../api/session";
import type { User } from "../api/types";

export function VerifyEmail() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return; // one request per link, even when React runs effects twice
    sent.current = true;
    if (!token) {
      setState({ ok: false, message: "This link has no token. Open the link from the mail again." });
      return;
    }
    api
      .post<{ user: User }>("/api/auth/verify-email", { token })
      .then(({ user }) => {
        userChanged(user);
        setState({ ok: true, message: `Thank you: ${user.email} is confirmed.` });
      })
      .catch((err) => setState({ ok: false, message: describeError(err) }));
  }, [token]);
  return (
    <div className="page narrow">
      <h1>Confirm your email address</h1>
      <p role="status" data-testid="verify-result" data-ok={state ? String(state.ok) : undefined}>
        {state ? state.message : "Confirming…"}
      </p>
      {state && !state.ok && currentUser() && (
        <p>You can ask for a new link on your <Link to="/profile">profile</Link>.</p>
      )}
      <Link to="/problems">Go to the problems</Link>
    </div>
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post("/api/auth/password-reset/send", { email });
      setDone(true);
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <div className="page narrow">
      <h1>Reset your password</h1>
      {done ? (
        <p role="status" data-testid="reset-sent">
          If {email} has an account, a link to choose a new password is on its way. It works once, for a short while.
        </p>
      ) : (
        <form className="card form" onSubmit={submit}>
          <label className="stack">
            Email
            <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit">Send me a link</button>
        </form>
      )}
      <p><Link to="/signin">Back to sign in</Link></p>
    </div>
  );
}

export function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/auth/password-reset", { token, new_password: password });
      signedOut(); // every login of the account ended, this tab's too
      setDone(true);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page narrow">
      <h1>Choose a new password</h1>
      {done ? (
        <p role="status" data-testid="reset-done">
          Your password is changed and you are signed out everywhere. <Link to="/signin">Sign in</Link> with the new one.
        </p>
      ) : (
        <form className="card form" onSubmit={submit}>
          <label className="stack">
            New password
            <input
              type="password"
              autoComplete="new-password"
              required
              aria-describedby="new-password-help"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <span id="new-password-help" className="muted">At least 8 characters, with a letter and a digit or symbol.</span>
          </label>
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit" disabled={busy || !token}>{busy ? "Please wait…" : "Set the new password"}</button>
          {!token && <p className="error" role="alert">This link has no token. Open the link from the mail again.</p>}
        </form>
      )}
    </div>
  );
}
