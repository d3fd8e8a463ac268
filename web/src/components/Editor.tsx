/** CodeMirror 6 with a language mode per language; the parent owns the text. */
import { indentWithTab } from "@codemirror/commands";
import { cpp } from "@codemirror/lang-cpp";
import { java } from "@codemirror/lang-java";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import type { LanguageId } from "../api/types";
import { editorTheme } from "./editorTheme";

export const MODES: Record<LanguageId, () => Extension> = {
  python: () => python(),
  javascript: () => javascript(),
  c: () => cpp(),
  cpp: () => cpp(),
  java: () => java(),
};

interface Props {
  /** Changing it replaces the whole text (another problem or language). */
  docKey: string;
  value: string;
  language: LanguageId;
  dark: boolean;
  label: string;
  onChange: (code: string) => void;
}

/** Marks a text the page pushed in (starter code, a resumed save): not an edit to report. */
const loaded = Annotation.define<boolean>();

export function Editor({ docKey, value, language, dark, label, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const modes = useRef(new Compartment());
  const themes = useRef(new Compartment());
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          modes.current.of(MODES[language]()),
          themes.current.of(editorTheme(dark)),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => {
            // Only the person's edits are reported: echoing a loaded text back would store the
            // starter code as a local draft, and a draft wins over the session on resume.
            if (u.docChanged && !u.transactions.some((t) => t.annotation(loaded))) {
              changed.current(u.state.doc.toString());
            }
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The view is made once; the effects below push later changes into it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: loaded.of(true) });
    }
    // Only a new document replaces the text; typing flows the other way.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docKey]);

  useEffect(() => {
    view.current?.dispatch({ effects: modes.current.reconfigure(MODES[language]()) });
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({ effects: themes.current.reconfigure(editorTheme(dark)) });
  }, [dark]);

  return <div className="editor" ref={host} data-testid="editor" />;
}
