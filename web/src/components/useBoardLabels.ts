/**
 * Names for two Excalidraw controls that screen readers otherwise get wrong (found by axe): the
 * main-menu button has no name at all, and the zoom-reset button's name ("Reset zoom") leaves
 * out the "100%" it shows. Excalidraw re-mounts them (phone layout, view mode), so a
 * MutationObserver on the board's container re-applies the names.
 */
import { useCallback, useEffect, useRef } from "react";

function label(root: HTMLElement): void {
  for (const b of root.querySelectorAll<HTMLButtonElement>(".main-menu-trigger:not([aria-label])")) {
    b.setAttribute("aria-label", "Board menu");
  }
  for (const b of root.querySelectorAll<HTMLButtonElement>(".reset-zoom-button")) {
    const name = `${b.textContent?.trim() ?? ""} zoom, reset`;
    if (b.getAttribute("aria-label") !== name) b.setAttribute("aria-label", name);
  }
}

/** A ref callback for the board's container: observes it while it is mounted. */
export function useBoardLabels(): (root: HTMLElement | null) => void {
  const observer = useRef<MutationObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  return useCallback((root: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!root) return;
    label(root);
    observer.current = new MutationObserver(() => label(root));
    observer.current.observe(root, { childList: true, subtree: true, characterData: true });
  }, []);
}
