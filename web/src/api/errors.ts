/** Server errors in words a person understands. */
import type { ServerError } from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, error: ServerError) {
    super(error.message);
    this.status = status;
    this.code = error.code;
    this.details = error.details;
  }
}

const FRIENDLY: Record<string, string> = {
  invalid_credentials: "That email and password do not match an account.",
  email_taken: "An account with this email already exists. Try signing in.",
  rate_limited: "Too many attempts in a short time. Wait a moment and try again.",
  not_authenticated: "Please sign in first.",
  token_expired: "Your sign-in has expired. Please sign in again.",
  invalid_refresh_token: "Your sign-in has expired. Please sign in again.",
  forbidden: "You are not allowed to do that.",
  not_found: "That could not be found.",
  problem_not_found: "That problem could not be found.",
  no_daily_challenge: "There is no daily challenge today: the problem bank is empty.",
  payload_too_large: "That is too large to send.",
  language_unavailable: "That language is not available on this server.",
  internal_error: "Something went wrong on the server. Please try again.",
  network: "Cannot reach the server. Check your connection and try again.",
};

interface FieldDetail {
  loc?: (string | number)[];
  msg?: string;
}

/** A sentence for an error: a known code's wording, else the server's message with field hints. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "validation_error" && Array.isArray(error.details)) {
      const parts = (error.details as FieldDetail[])
        .map((d) => {
          const field = d.loc?.filter((p) => p !== "body").join(".") ?? "";
          const msg = (d.msg ?? "").replace(/^Value error, /, "");
          return field ? `${field.replace(/_/g, " ")}: ${msg}` : msg;
        })
        .filter(Boolean);
      if (parts.length) return `Please check the form. ${parts.join("; ")}.`;
    }
    return FRIENDLY[error.code] ?? sentence(error.message);
  }
  if (error && typeof error === "object" && "code" in error && "message" in error) {
    const e = error as ServerError;
    return FRIENDLY[e.code] ?? sentence(e.message);
  }
  if (error instanceof TypeError) return FRIENDLY.network;
  return error instanceof Error ? sentence(error.message) : "Something went wrong.";
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return "Something went wrong.";
  const capital = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : capital + ".";
}
