/**
 * A room's shared document over our Socket.IO events (docs/pair-editing.md): y-protocols sync
 * and awareness messages without the y-websocket type byte, the event name playing its part.
 * The same glue as tests/js/pair_client.mjs, with a resync after every reconnect.
 */
import type { Socket } from "socket.io-client";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { Ack } from "../api/types";

const FROM_SERVER = "server";

interface SyncAck {
  replies?: ArrayBuffer[];
  awareness?: ArrayBuffer | null;
}

export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private socket: Socket | null = null;
  private readonly room: string;
  private readonly listeners: (() => void)[] = [];
  onRefused: (message: string) => void = () => undefined;

  constructor(room: string) {
    this.room = room;
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return; // came from the server: do not send it back
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      void this.send("doc:update", encoding.toUint8Array(encoder));
    });
    this.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === FROM_SERVER) return;
        const changed = added.concat(updated, removed);
        void this.send("doc:awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      },
    );
  }

  /** Start syncing over `socket` (call after `room:join` succeeded, again after a rejoin). */
  async attach(socket: Socket): Promise<boolean> {
    if (this.socket !== socket) {
      this.detachListeners();
      this.socket = socket;
      const onUpdate = ({ room, data }: { room: string; data: ArrayBuffer }) => {
        if (room === this.room) void this.readSync(new Uint8Array(data));
      };
      const onAwareness = ({ room, data }: { room: string; data: ArrayBuffer }) => {
        if (room === this.room) awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(data), FROM_SERVER);
      };
      socket.on("doc:update", onUpdate);
      socket.on("doc:awareness", onAwareness);
      this.listeners.push(() => socket.off("doc:update", onUpdate), () => socket.off("doc:awareness", onAwareness));
    }
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    const ack = await this.send<SyncAck>("doc:sync", encoding.toUint8Array(encoder));
    if (!ack || !ack.ok) return false;
    for (const reply of ack.replies ?? []) await this.readSync(new Uint8Array(reply));
    if (ack.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(ack.awareness), FROM_SERVER);
    if (this.awareness.getLocalState() !== null) {
      // (Re)announce our cursor: after a drop the server has forgotten it.
      await this.send("doc:awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    }
    return true;
  }

  private destroyTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Keep the document while a component uses it; the returned release destroys it on the next
   * turn unless it is retained again first (React's StrictMode unmounts and remounts at once).
   */
  retain(): () => void {
    clearTimeout(this.destroyTimer);
    return () => {
      this.destroyTimer = setTimeout(() => this.destroy(), 0);
    };
  }

  destroy(): void {
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], "local");
    this.detachListeners();
    this.socket = null;
    this.awareness.destroy();
    this.doc.destroy();
  }

  private detachListeners(): void {
    this.listeners.splice(0).forEach((off) => off());
  }

  /** Feed one sync message to y-protocols; answer it if it asks (a step 1 from the server). */
  private async readSync(data: Uint8Array): Promise<void> {
    const encoder = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoding.createDecoder(data), encoder, this.doc, FROM_SERVER);
    if (encoding.length(encoder) > 0) await this.send("doc:sync", encoding.toUint8Array(encoder));
  }

  private async send<T = object>(event: string, data: Uint8Array): Promise<Ack<T> | null> {
    const socket = this.socket;
    if (!socket?.connected) return null; // offline edits reach the server with the next sync
    try {
      const ack = (await socket.timeout(10_000).emitWithAck(event, { room: this.room, data })) as Ack<T>;
      if (!ack.ok) this.onRefused(ack.error.message);
      return ack;
    } catch {
      return null; // dropped with the connection: the next sync carries it
    }
  }
}
