/**
 * Excalidraw bound to the room's Y.Map("scene") (sceneSync.ts). Loaded lazily by the pair room:
 * Excalidraw is large and most sessions never open the board. Local edits are written to the
 * map in one transaction per change; remote ones are merged into the board by element version.
 */
import "@excalidraw/excalidraw/index.css";
import { Excalidraw, hashElementsVersion } from "@excalidraw/excalidraw";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { localChanges, merged, SCENE_MAP, type Element } from "./sceneSync";
import { useBoardLabels } from "../components/useBoardLabels";

const LOCAL = "board";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Api = any; // ExcalidrawImperativeAPI: getSceneElementsIncludingDeleted and updateScene

export function SharedBoard({ doc, dark }: { doc: Y.Doc; dark: boolean }) {
  const map = useMemo(() => doc.getMap<Element>(SCENE_MAP), [doc]);
  const api = useRef<Api>(null);
  const box = useBoardLabels();
  const seen = useRef(0);
  const [drawn, setDrawn] = useState(() => [...map.values()].filter((e) => !e.isDeleted).length);
  const initialData = useMemo(() => ({ elements: merged([], map.values()) }), [map]);

  useEffect(() => {
    const onRemote = (_events: unknown, txn: Y.Transaction) => {
      if (txn.origin === LOCAL || !api.current) return;
      const local = api.current.getSceneElementsIncludingDeleted() as Element[];
      api.current.updateScene({ elements: merged(local, map.values()) });
    };
    map.observeDeep(onRemote);
    return () => map.unobserveDeep(onRemote);
  }, [map]);

  const onChange = useCallback(
    (elements: readonly Element[]) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const version = hashElementsVersion(elements as any);
      if (version === seen.current) return; // a render (pointer move, scroll), not an edit
      seen.current = version;
      setDrawn(elements.filter((e) => !e.isDeleted).length);
      const changed = localChanges(elements, map);
      if (changed.length === 0) return;
      doc.transact(() => {
        for (const e of changed) map.set(e.id, { ...e });
      }, LOCAL);
    },
    [doc, map],
  );

  return (
    <div className="design-canvas pair-board" data-testid="pair-board" data-elements={drawn} ref={box}>
      <Excalidraw
        excalidrawAPI={(a: Api) => (api.current = a)}
        initialData={initialData as never}
        onChange={onChange as never}
        theme={dark ? "dark" : "light"}
      />
    </div>
  );
}
