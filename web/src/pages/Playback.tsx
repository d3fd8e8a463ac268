/**
 * The playback of a pair or interview room (`GET /api/rooms/{id}/playback`, members only): the
 * shared code as it was after each stored edit, one language at a time, with a slider and
 * step buttons. Interviews keep every edit; pair rooms start at their newest snapshot.
 */
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { describeError } from "../api/errors";
import { api } from "../api/http";
import { LANGUAGES } from "../api/types";

interface Frame {
  index: number;
  time: string;
  kind: "update" | "snapshot";
  author: { id: number; display_name: string } | null;
  language: string;
  text: string;
}

interface PlaybackData {
  room: string;
  complete: boolean;
  total: number;
  offset: number;
  frames: Frame[];
}

const PAGE = 5000; // the server's largest page

const label = (language: string) => LANGUAGES.find((l) => l.id === language)?.label ?? language;

export function Playback({ path = "/interview" }: { path?: string }) {
  const { id = "" } = useParams();
  const [data, setData] = useState<PlaybackData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [at, setAt] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<PlaybackData>(`/api/rooms/${encodeURIComponent(id)}/playback`, { limit: PAGE })
      .then((d) => {
        if (!live) return;
        setData(d);
        const last = d.frames.at(-1);
        if (last) setLanguage(last.language);
      })
      .catch((e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [id]);

  const languages = useMemo(() => [...new Set((data?.frames ?? []).map((f) => f.language))], [data]);
  const frames = useMemo(() => (data?.frames ?? []).filter((f) => f.language === language), [data, language]);
  // A new language (or the first load) starts at its final text.
  useEffect(() => setAt(Math.max(0, frames.length - 1)), [frames]);

  if (error) {
    return (
      <div className="page">
        <p className="error" role="alert">{error}</p>
        <Link to={path}>Back</Link>
      </div>
    );
  }
  if (!data) return <p className="page" role="status">Loading the playback…</p>;

  const frame = frames[Math.min(at, frames.length - 1)];
  const step = (delta: number) => setAt((i) => Math.max(0, Math.min(frames.length - 1, i + delta)));
  return (
    <div className="page playback">
      <p className="crumbs">
        <Link to={`${path}/${encodeURIComponent(id)}`}>Back to the room</Link>
      </p>
      <h1>Playback</h1>
      {!data.complete && <p className="muted">Older edits were merged into a snapshot; the playback starts there.</p>}
      {data.total > data.frames.length && (
        <p className="muted">Showing the first {data.frames.length} of {data.total} moments.</p>
      )}
      {frames.length === 0 ? (
        <p className="muted">Nobody has written any code in this room yet.</p>
      ) : (
        <>
          <div className="toolbar">
            {languages.length > 1 && (
              <label>
                Language{" "}
                <select value={language ?? ""} onChange={(e) => setLanguage(e.target.value)}>
                  {languages.map((l) => (
                    <option key={l} value={l}>{label(l)}</option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="secondary" onClick={() => setAt(0)} disabled={at === 0}>First</button>
            <button type="button" className="secondary" onClick={() => step(-1)} disabled={at === 0}>Earlier</button>
            <button type="button" className="secondary" onClick={() => step(1)} disabled={at >= frames.length - 1}>Later</button>
            <button type="button" className="secondary" onClick={() => setAt(frames.length - 1)} disabled={at >= frames.length - 1}>
              Last
            </button>
          </div>
          <label className="stack playback-slider">
            <span>
              Moment {at + 1} of {frames.length}
            </span>
            <input
              type="range"
              min={0}
              max={frames.length - 1}
              value={at}
              onChange={(e) => setAt(Number(e.target.value))}
              aria-label="Moment in the playback"
              aria-valuetext={`moment ${at + 1} of ${frames.length}`}
            />
          </label>
          <p className="muted" data-testid="playback-when">
            {new Date(frame.time).toLocaleString()}
            {frame.author ? ` · ${frame.author.display_name || `Player ${frame.author.id}`}` : " · snapshot"} ·{" "}
            {label(frame.language)}
          </p>
          <pre className="playback-code" data-testid="playback-text" tabIndex={0} aria-label="Code at this moment">
            {frame.text}
          </pre>
        </>
      )}
    </div>
  );
}
