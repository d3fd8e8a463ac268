/**
 * One Socket.IO connection per signed-in user. The token is read at every (re)connect so a
 * refreshed one is used; a refusal for an expired token refreshes and tries again, since the
 * client does not retry a connection the server refused.
 */
import { io, type Socket } from "socket.io-client";
import { accessToken, refreshNow } from "./session";
import type { Ack } from "./types";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "signed-out";

export interface Connection {
  socket: Socket;
  close: () => void;
}

export function openConnection(onStatus: (status: ConnectionStatus) => void): Connection {
  const socket = io({
    autoConnect: false,
    transports: ["websocket", "polling"],
    reconnectionDelayMax: 5000,
    auth: (cb) => {
      accessToken().then((token) => cb({ token: token ?? "" }), () => cb({ token: "" }));
    },
  });
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  socket.on("connect", () => onStatus("connected"));
  socket.on("disconnect", (reason) => {
    if (closed) return;
    onStatus("reconnecting");
    // A server-side disconnect is not retried by the client itself.
    if (reason === "io server disconnect") socket.connect();
  });
  socket.io.on("reconnect_attempt", () => onStatus("reconnecting"));
  socket.on("connect_error", (err: Error & { data?: { code?: string } }) => {
    if (closed) return;
    const code = err.data?.code;
    if (code === "token_expired" || code === "invalid_token" || code === "not_authenticated") {
      refreshNow().then((token) => {
        if (token && !closed) socket.connect();
        else onStatus("signed-out");
      }, () => scheduleRetry());
      return;
    }
    onStatus("reconnecting");
    if (!socket.active) scheduleRetry();
  });

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => !closed && socket.connect(), 3000);
  }

  onStatus("connecting");
  socket.connect();
  return {
    socket,
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      socket.disconnect();
    },
  };
}

/** Emit with an acknowledgement; a lost or silent server becomes an `ack_timeout` error. */
export async function emitAck<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 15000): Promise<Ack<T>> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return {
      ok: false,
      error: { code: "ack_timeout", message: "The server did not answer in time. Check the connection and try again." },
    };
  }
}
