/**
 * The pair room's drawing as a Y.Map("scene"): element id -> Excalidraw element (the shape the
 * server reads for `GET /api/rooms/{id}/scene`). Each element is one map entry, so two people
 * drawing different shapes never conflict; two edits of one shape keep the higher version
 * (Excalidraw bumps it on every change), the lower versionNonce breaking a tie as Excalidraw
 * itself does when it reconciles.
 */
import type * as Y from "yjs";

export interface Element {
  id: string;
  version: number;
  versionNonce: number;
  isDeleted?: boolean;
  [key: string]: unknown;
}

export const SCENE_MAP = "scene";

/** Does `a` supersede `b` (the same element seen twice)? */
export function newer(a: Element, b: Element | undefined): boolean {
  if (!b) return true;
  if (a.version !== b.version) return a.version > b.version;
  return a.versionNonce < b.versionNonce;
}

/** The local elements the map does not have yet (new, or changed since it last saw them). */
export function localChanges(elements: readonly Element[], map: Y.Map<Element>): Element[] {
  return elements.filter((e) => newer(e, map.get(e.id)));
}

/**
 * The board after remote changes: every id once, the newer copy of each. Remote elements are
 * copied: Excalidraw mutates its elements in place, and the map's own values must not change
 * under it, or a later local edit would look already sent.
 */
export function merged(local: readonly Element[], remote: Iterable<Element>): Element[] {
  const byId = new Map<string, Element>();
  for (const e of local) byId.set(e.id, e);
  for (const e of remote) if (newer(e, byId.get(e.id))) byId.set(e.id, { ...e });
  return [...byId.values()];
}
