// Loads one GET endpoint for a screen: the data, the error to show, and reload after a change.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the shown data after a successful write, without another request. */
  setData(update: (current: T | undefined) => T | undefined): void;
}

/** `path` null waits (e.g. until a filter is chosen). A newer path cancels the older request. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api<T>(path, { signal: controller.signal })
      .then((body) => {
        setDataState(body);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

/** The path of a teacher resource for one course, each part escaped. */
export function teacherPath(course: string, ...parts: string[]): string {
  return ['/api/teacher/courses', ...[course, ...parts].map(encodeURIComponent)].join('/');
}
