// One way to call the HTTP API: JSON in and out, the session cookie, and the server's own error text.

/** A refused or failed request. `message` is the server's `{error}` text, written for a person. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/**
 * Calls the API and returns its JSON body.
 * @example const { courses } = await api<{ courses: ApiCourseListItem[] }>('/api/courses');
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Primer could not reach the server. Check your connection and try again.');
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : `the server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError(response.status, message);
  }
  return body as T;
}

/** The path of a course resource, with each part escaped. */
export function coursePath(course: string, ...parts: string[]): string {
  return ['/api/courses', course, ...parts].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/');
}
