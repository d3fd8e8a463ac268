/** JSON over fetch with the bearer token; a 401 for a stale token refreshes once and retries. */
import { ApiError } from "./errors";
import { accessToken, refreshNow } from "./session";

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function request<T>(method: string, path: string, opts: { body?: unknown; query?: Query } = {}): Promise<T> {
  const url = withQuery(path, opts.query);
  let token = await accessToken();
  let resp = await send(method, url, opts.body, token);
  let data = resp.status === 204 ? null : await resp.json().catch(() => null);
  // A wrong password (change-password) is a 401 too, but no refresh mends it.
  if (resp.status === 401 && token && data?.error?.code !== "invalid_credentials") {
    token = await refreshNow();
    if (token) {
      resp = await send(method, url, opts.body, token);
      data = resp.status === 204 ? null : await resp.json().catch(() => null);
    }
  }
  if (!resp.ok) {
    throw new ApiError(resp.status, data?.error ?? { code: "http_error", message: `the server answered ${resp.status}` });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body }),
};
