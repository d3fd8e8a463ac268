// Official socket.io-client left connected (websocket, reconnection on, as in a browser
// tab) and printing what it sees; used to check a server restart does not wait for it.
// Usage: node idle.mjs URL TOKEN  -> one JSON line per event on stdout.
import { io } from "socket.io-client";

const [url, token] = process.argv.slice(2);
const socket = io(url, { auth: { token }, transports: ["websocket"] });
const say = (event, data) => process.stdout.write(JSON.stringify({ event, data }) + "\n");
socket.on("connect", () => say("connect", socket.id));
socket.on("system:announcement", (notice) => say("announcement", notice));
socket.on("disconnect", (reason) => say("disconnect", reason));
setTimeout(() => process.exit(0), 120000);
