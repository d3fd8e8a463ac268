/** Sign up and sign in: plain forms with labels, errors read out in words. */
import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { signedIn } from "../api/session";
import type { TokenPair } from "../api/types";

function AuthForm(props: { title: string; submit: string; onSubmit: () => Promise<void>; children: ReactNode; footer: ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handle = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <div className="page narrow">
      <h1>{props.title}</h1>
      <form className="card form" onSubmit={handle} noValidate={false}>
        {props.children}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Please wait…" : props.submit}
        </button>
      </form>
      <p>{props.footer}</p>
    </div>
  );
}

function useAfterSignIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const next = (location.state as { from?: string } | null)?.from ?? "/problems";
  return () => navigate(next, { replace: true });
}

async function login(email: string, password: string): Promise<void> {
  signedIn(await api.post<TokenPair>("/api/auth/login", { email, password }));
}

export function SignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const done = useAfterSignIn();
  return (
    <AuthForm
      title="Sign in"
      submit="Sign in"
      onSubmit={async () => {
        await login(email, password);
        done();
      }}
      footer={<>New here? <Link to="/signup">Create an account</Link> · <Link to="/forgot-password">Forgot your password?</Link></>}
    >
      <label className="stack">
        Email
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="stack">
        Password
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
    </AuthForm>
  );
}

export function SignUp() {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const done = useAfterSignIn();
  return (
    <AuthForm
      title="Create an account"
      submit="Sign up"
      onSubmit={async () => {
        await api.post("/api/auth/register", { email, password, display_name: name });
        await login(email, password);
        done();
      }}
      footer={<>Already have an account? <Link to="/signin">Sign in</Link></>}
    >
      <label className="stack">
        Display name
        <input autoComplete="nickname" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="stack">
        Email
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="stack">
        Password
        <input
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="password-help"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <span id="password-help" className="muted">At least 8 characters, with a letter and a digit or symbol.</span>
      </label>
    </AuthForm>
  );
}
