// Official socket.io-client: connect with a token, run code:execute, collect the stream.
// Usage: node execute.mjs URL TOKEN PAYLOAD_JSON  -> prints one JSON object on stdout.
import { io } from "socket.io-client";

const [url, token, payloadJson] = process.argv.slice(2);
const payload = JSON.parse(payloadJson);
const out = { connectError: null, ack: null, progress: [], result: null, errors: [] };
const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false });
const finish = (code) => {
  socket.close();
  process.stdout.write(JSON.stringify(out));
  process.exit(code);
};
const timer = setTimeout(() => finish(3), 60000);

socket.on("connect_error", (err) => {
  out.connectError = { message: err.message, data: err.data ?? null };
  clearTimeout(timer);
  finish(0);
});
socket.on("code:progress", (event) => out.progress.push(event));
socket.on("code:error", (event) => out.errors.push(event));
socket.on("code:result", (event) => {
  if (out.ack && event.submission_id === out.ack.submission_id) {
    out.result = event;
    clearTimeout(timer);
    finish(0);
  }
});
socket.on("connect", () => {
  socket.timeout(10000).emit("code:execute", payload, (err, ack) => {
    out.ack = err ? { ok: false, error: { code: "ack_timeout" } } : ack;
    if (!out.ack.ok) {
      clearTimeout(timer);
      finish(0);
    }
  });
});
