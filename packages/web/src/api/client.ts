import type { ErrorCode, ListResponse, Problem } from '@forvalta/contracts';

/** A failed API call, carrying the problem+json body when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network_error' | 'unknown';
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? (status === 0 ? 'network_error' : 'unknown');
  }

  /** Field errors keyed by field name; the server writes paths like `body.name`. */
  fieldErrors(): Record<string, { message: string; code?: string }> {
    const result: Record<string, { message: string; code?: string }> = {};
    for (const error of this.problem?.errors ?? []) {
      const field = error.path.replace(/^body\./, '');
      result[field] ??= { message: error.message, ...(error.code ? { code: error.code } : {}) };
    }
    return result;
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token arrives with /me and login; unsafe requests made with the cookie must echo it.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The record version the user edited; sent as If-Match so a stale write answers 412. */
  version?: number;
  signal?: AbortSignal;
}

export function buildPath(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parameters.set(key, String(value));
  }
  const text = parameters.toString();
  return text ? `${path}?${text}` : path;
}

export async function apiRequest<Result>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<Result> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;

  let response: Response;
  try {
    response = await fetch(buildPath(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined, 'Network error');
  }

  if (response.status === 204) return undefined as Result;
  const contentType = response.headers.get('content-type') ?? '';
  const isJson = contentType.includes('json');
  const payload: unknown = isJson ? await response.json() : undefined;
  if (!response.ok) {
    const problem = isJson && payload && typeof payload === 'object' && 'code' in payload ? (payload as Problem) : undefined;
    throw new ApiError(response.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${response.status}`);
  }
  return payload as Result;
}

export const api = {
  get: <Result>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<Result>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  list: <Item>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<ListResponse<Item>>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <Result>(path: string, body?: unknown) => apiRequest<Result>('POST', path, body === undefined ? {} : { body }),
  patch: <Result>(path: string, version: number, body: unknown) => apiRequest<Result>('PATCH', path, { body, version }),
  put: <Result>(path: string, version: number, body: unknown) => apiRequest<Result>('PUT', path, { body, version }),
  delete: (path: string, version: number) => apiRequest<void>('DELETE', path, { version }),
};
