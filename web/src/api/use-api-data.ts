// Loads one API resource for a screen: the data, the error to show, and a way to reload or patch it.
import { useCallback, useEffect, useState } from 'react';
import { api } from './client.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
  /** Replaces the data without a request, e.g. with the state an answer returned. */
  setData(data: T): void;
}

/** Fetches `path` (skipped while it is undefined) and again whenever it changes or `reload` is called. */
export function useApiData<T>(path: string | undefined): ApiData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(path !== undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === undefined) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api<T>(path, { signal: controller.signal }).then(
      (result) => {
        setData(result);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}
