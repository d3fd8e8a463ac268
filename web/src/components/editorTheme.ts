/**
 * The editors' colours. One Dark's line numbers (#7d8799 on #282c34, 3.9:1) miss WCAG AA's
 * 4.5:1, so the dark theme lightens them; the light theme is CodeMirror's default.
 */
import type { Extension } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { EditorView } from "@codemirror/view";

const darkGutters = EditorView.theme({ ".cm-gutters": { color: "#a3abb9" } }, { dark: true });

export function editorTheme(dark: boolean): Extension {
  return dark ? [darkGutters, oneDark] : []; // earlier wins in CodeMirror
}
