/**
 * Load one thing for a page: data, an error in words, or "missing" when the server does not
 * offer the endpoint at all (an older server answers 404), so the page can say so calmly.
 */
import { useCallback, useEffect, useState } from "react";
import { ApiError, describeError } from "../api/errors";

export interface Resource<T> {
  data: T | null;
  error: string | null;
  /** The endpoint answered 404: this server has no such feature (yet). */
  missing: boolean;
  loading: boolean;
  reload: () => void;
}

export function useResource<T>(load: (() => Promise<T>) | null, deps: unknown[]): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [loading, setLoading] = useState(load !== null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (!load) return;
    let live = true;
    setLoading(true);
    setError(null);
    load()
      .then((d) => {
        if (!live) return;
        setData(d);
        setMissing(false);
      })
      .catch((e) => {
        if (!live) return;
        // A missing route answers plain `not_found`; a 404 with its own code is an answer.
        if (e instanceof ApiError && e.status === 404 && e.code === "not_found") setMissing(true);
        else setError(describeError(e));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  return { data, error, missing, loading, reload };
}
