/**
 * The signed-in session: tokens in localStorage so a reload stays signed in, and one
 * in-flight refresh shared by every caller (the server rotates the refresh token, so two
 * parallel refreshes with the same token would revoke the login).
 */
import { ApiError } from "./errors";
import type { TokenPair, User } from "./types";

const KEY = "codearena.session";

interface Stored {
  access: string;
  refresh: string;
  expiresAt: number;
  user: User;
}

type Listener = (user: User | null) => void;

let current: Stored | null = load();
let refreshing: Promise<string | null> | null = null;
const listeners = new Set<Listener>();

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function save(next: Stored | null): void {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  listeners.forEach((fn) => fn(next?.user ?? null));
}

export function currentUser(): User | null {
  return current?.user ?? null;
}

export function onUserChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function signedIn(pair: TokenPair): void {
  save({
    access: pair.access_token,
    refresh: pair.refresh_token,
    expiresAt: Date.now() + pair.expires_in * 1000,
    user: pair.user,
  });
}

/** The signed-in user's own record changed (a profile edit): keep the tokens, swap the user. */
export function userChanged(user: User): void {
  if (current && current.user.id === user.id) save({ ...current, user: { ...current.user, ...user } });
}

export function signedOut(): void {
  save(null);
}

export function refreshToken(): string | null {
  return current?.refresh ?? null;
}

/** A usable access token: the stored one, or a fresh one when it is (nearly) expired. */
export async function accessToken(): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - Date.now() > 30_000) return current.access;
  return refreshNow();
}

/**
 * Run a request that replaces this login with a new one (a password change ends every login,
 * this one included, and answers with new tokens). A refresh asked for meanwhile (the closed
 * socket reconnecting) waits for those tokens instead of presenting the revoked refresh token,
 * which would sign this device out.
 */
export async function replaceLogin(request: () => Promise<TokenPair>): Promise<void> {
  const run = request().then((pair) => {
    signedIn(pair);
    return pair.access_token;
  });
  const shared = run.then(
    (token) => token,
    () => current?.access ?? null,
  );
  refreshing = shared;
  try {
    await run;
  } finally {
    if (refreshing === shared) refreshing = null;
  }
}

/** Rotate the refresh token once, whoever asks; null (and signed out) when it is refused. */
export function refreshNow(): Promise<string | null> {
  if (!current) return Promise.resolve(null);
  if (!refreshing) {
    const token = current.refresh;
    refreshing = (async () => {
      try {
        const resp = await fetch("/api/auth/refresh", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refresh_token: token }),
        });
        if (resp.status === 401) {
          save(null);
          return null;
        }
        if (!resp.ok) {
          const body = await resp.json().catch(() => null);
          throw new ApiError(resp.status, body?.error ?? { code: "http_error", message: resp.statusText });
        }
        const pair = (await resp.json()) as TokenPair;
        signedIn(pair);
        return pair.access_token;
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}
