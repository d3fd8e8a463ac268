// A shared-document client built from the official packages only: yjs, y-protocols, lib0 and
// socket.io-client. The glue below is all an unmodified Yjs app needs (docs/pair-editing.md).
//
// Usage: node pair_client.mjs URL TOKEN ROOM
// stdin: one JSON command per line, {id, cmd, ...}; stdout: one JSON object per line:
//   {event: "ready", ok, join?, error?}          after room:join and the initial sync
//   {event: "resynced", ok, ...}                 the same after a `connect` command
//   {id, ok, ...}                                the answer to command `id`
//   {event: "awareness", states, added, updated, removed}   others' states changed
//   {event: "nack", event_name, ack}             the server refused something we sent
import { io } from "socket.io-client";
import * as Y from "yjs";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { createInterface } from "node:readline";

const [url, token, room] = process.argv.slice(2);
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
// Report, rather than die of, anything that slips through (the driver sees it in events).
process.on("unhandledRejection", (err) => out({ event: "error", error: String(err) }));

const doc = new Y.Doc();
const awareness = new awarenessProtocol.Awareness(doc);
awareness.setLocalState(null); // announce nothing until told to
const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false });

// ---- the glue: Yjs <-> doc:sync / doc:update / doc:awareness -----------------------------
const send = async (event, data) => {
  if (!socket.connected) return null; // offline edits reach the server in the next sync
  try {
    const ack = await socket.timeout(10000).emitWithAck(event, { room, data });
    if (!ack.ok) out({ event: "nack", event_name: event, ack });
    return ack;
  } catch (err) {
    // Dropped with the connection (or timed out): the next sync carries it.
    out({ event: "unacked", event_name: event, error: String(err) });
    return null;
  }
};

// Feed one sync message to y-protocols; answer it if it asks (a step 1 from the server).
const readSync = (data) => {
  const encoder = encoding.createEncoder();
  syncProtocol.readSyncMessage(decoding.createDecoder(data), encoder, doc, "server");
  if (encoding.length(encoder) > 0) return send("doc:sync", encoding.toUint8Array(encoder));
  return null;
};

doc.on("update", (update, origin) => {
  if (origin === "server") return; // came from the server: do not send it back
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  send("doc:update", encoding.toUint8Array(encoder));
});

awareness.on("update", ({ added, updated, removed }, origin) => {
  if (origin === "local") {
    const changed = added.concat(updated, removed);
    send("doc:awareness", awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
  }
});

socket.on("doc:update", ({ data }) => readSync(new Uint8Array(data)));
socket.on("doc:awareness", ({ data }) =>
  awarenessProtocol.applyAwarenessUpdate(awareness, new Uint8Array(data), "server"),
);

const syncNow = async () => {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep1(encoder, doc);
  const ack = await send("doc:sync", encoding.toUint8Array(encoder));
  if (!ack || !ack.ok) return ack ?? { ok: false };
  for (const reply of ack.replies) await readSync(new Uint8Array(reply));
  if (ack.awareness) {
    awarenessProtocol.applyAwarenessUpdate(awareness, new Uint8Array(ack.awareness), "server");
  }
  return ack;
};
// ---- end of the glue ------------------------------------------------------------------------

const others = () => {
  const states = {};
  for (const [id, state] of awareness.getStates()) if (id !== doc.clientID) states[id] = state;
  return states;
};
awareness.on("change", ({ added, updated, removed }, origin) => {
  if (origin !== "local") out({ event: "awareness", states: others(), added, updated, removed });
});

socket.on("connect_error", (err) => {
  out({ event: "ready", ok: false, error: err.message });
  process.exit(0);
});

let connectedBefore = false;
socket.on("connect", async () => {
  const event = connectedBefore ? "resynced" : "ready";
  connectedBefore = true;
  const join = await socket
    .timeout(10000)
    .emitWithAck("room:join", { room })
    .catch((err) => ({ ok: false, error: String(err) }));
  if (!join.ok) {
    out({ event, ok: false, join });
    return;
  }
  const sync = await syncNow();
  if (awareness.getLocalState() !== null) {
    // Back after a drop: announce the cursor again (the server bumps its clock if needed).
    await send("doc:awareness", awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  }
  out({ event, ok: sync.ok, error: sync.ok ? undefined : sync.error });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const commands = {
  text: ({ lang }) => ({ text: doc.getText(lang).toString() }),
  insert: ({ lang, index, text }) => {
    const ytext = doc.getText(lang);
    ytext.insert(index < 0 ? ytext.length : index, text);
    return { text: ytext.toString() };
  },
  delete: ({ lang, index, length }) => {
    doc.getText(lang).delete(index, length);
    return { text: doc.getText(lang).toString() };
  },
  // Type `text` one character at a time at the end, `delay_ms` apart (a person typing).
  type: async ({ lang, text, delay_ms }) => {
    const ytext = doc.getText(lang);
    for (const ch of text) {
      ytext.insert(ytext.length, ch);
      await sleep(delay_ms ?? 0);
    }
    return { text: ytext.toString() };
  },
  // The shared system-design scene: a Y.Map of Excalidraw elements by id.
  scene: () => ({ elements: doc.getMap("scene").toJSON() }),
  scene_set: ({ element }) => {
    doc.getMap("scene").set(element.id, element);
    return { elements: doc.getMap("scene").toJSON() };
  },
  scene_delete: ({ element_id }) => {
    doc.getMap("scene").delete(element_id);
    return { elements: doc.getMap("scene").toJSON() };
  },
  awareness: ({ state }) => {
    awareness.setLocalState(state);
    return { client_id: doc.clientID };
  },
  peers: () => ({ states: others(), client_id: doc.clientID }),
  disconnect: () => {
    socket.disconnect();
    return {};
  },
  connect: () => {
    socket.connect();
    return {};
  },
  resync: async () => ({ synced: (await syncNow()).ok }),
  quit: () => {
    setTimeout(() => {
      socket.close();
      process.exit(0);
    }, 10);
    return {};
  },
};

createInterface({ input: process.stdin }).on("line", async (line) => {
  const { id, cmd, ...args } = JSON.parse(line);
  try {
    const result = await commands[cmd](args);
    out({ id, ok: true, ...result });
  } catch (err) {
    out({ id, ok: false, error: String(err && err.stack ? err.stack : err) });
  }
});
