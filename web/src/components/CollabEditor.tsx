/** CodeMirror bound to one Y.Text of a shared document, with others' cursors and names. */
import { indentWithTab } from "@codemirror/commands";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import { yCollab } from "y-codemirror.next";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { LanguageId } from "../api/types";
import { editorTheme } from "./editorTheme";
import { MODES } from "./Editor";

interface Props {
  ytext: Y.Text;
  awareness: Awareness;
  language: LanguageId;
  dark: boolean;
  label: string;
}

export function CollabEditor({ ytext, awareness, language, dark, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const themes = useRef(new Compartment());
  const darkNow = useRef(dark);
  darkNow.current = dark;

  useEffect(() => {
    const undoManager = new Y.UndoManager(ytext);
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          MODES[language](),
          themes.current.of(editorTheme(darkNow.current)),
          EditorView.contentAttributes.of({ "aria-label": label }),
          yCollab(ytext, awareness, { undoManager }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      undoManager.destroy();
    };
  }, [ytext, awareness, language, label]);

  useEffect(() => {
    view.current?.dispatch({ effects: themes.current.reconfigure(editorTheme(dark)) });
  }, [dark]);

  return <div className="editor" ref={host} data-testid="editor" />;
}
