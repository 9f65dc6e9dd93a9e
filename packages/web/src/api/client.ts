import type { ApiRoutes, ErrorCode, Problem } from '@forvalta/contracts';
import type { z } from 'zod';

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
  /** A file sent as the raw body with its own content type (an upload), instead of a JSON body. */
  file?: Blob;
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

/** One request: the route's template filled with its parameters, If-Match and CSRF as the server demands. */
async function send(method: Method, url: string, options: RequestOptions): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.type || 'application/octet-stream';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;

  let response: Response;
  try {
    response = await fetch(buildPath(url, options.query), {
      method,
      headers,
      // The public register needs no session: it sends no cookie.
      credentials: url.startsWith('/public/') ? 'omit' : 'same-origin',
      body: options.file ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined, 'Network error');
  }

  if (response.status === 204) return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  const isJson = contentType.includes('json');
  const payload: unknown = isJson ? await response.json() : undefined;
  if (!response.ok) {
    const problem = isJson && payload && typeof payload === 'object' && 'code' in payload ? (payload as Problem) : undefined;
    throw new ApiError(response.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${response.status}`);
  }
  return payload;
}

/* ---------- Typed by route: the contracts' route map decides what a call sends and gets back ---------- */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Prefix = '/api/v1' | '/public/v1';
type RouteKey = keyof ApiRoutes;
/** The paths (without the prefix) that answer `method`; downloads and single sign-on's redirects are links, not calls. */
type PathOf<M extends Method, P extends Prefix = '/api/v1'> = {
  [Key in RouteKey]: Key extends `${M} ${P}${infer Path}`
    ? ApiRoutes[Key] extends { file: true } | { redirect: true }
      ? never
      : Path
    : never;
}[RouteKey];
type Route<M extends Method, P extends Prefix, Path extends string> = ApiRoutes[`${M} ${P}${Path}` & RouteKey];
type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;
type Schema<Contract, Part extends string> = Contract extends { [key in Part]: infer Found extends z.ZodType } ? Found : undefined;
/** What the server sends for a route (as its contract parses it), nothing for a 204. */
export type ResponseOf<Contract> = Schema<Contract, 'response'> extends z.ZodType ? z.output<Schema<Contract, 'response'>> : undefined;
type QueryOf<Contract> = Schema<Contract, 'query'> extends z.ZodType ? z.input<Schema<Contract, 'query'>> : never;
type BodyOf<Contract> = Schema<Contract, 'body'> extends z.ZodType ? z.input<Schema<Contract, 'body'>> : never;

/** A route's body and query as a caller sends them, by the route map's key: `BodyFor<'POST /api/v1/systems'>`. */
export type BodyFor<Key extends RouteKey> = BodyOf<ApiRoutes[Key]>;
export type QueryFor<Key extends RouteKey> = QueryOf<ApiRoutes[Key]>;
export type ResultFor<Key extends RouteKey> = ResponseOf<ApiRoutes[Key]>;

type CallOptions<Path extends string, Contract> = {
  query?: QueryOf<Contract>;
  body?: BodyOf<Contract>;
  /** The record version the user edited; sent as If-Match so a stale write answers 412. */
  version?: number;
  signal?: AbortSignal;
} & ([ParamNames<Path>] extends [never] ? { params?: never } : { params: Record<ParamNames<Path>, string> });
type CallArguments<Path extends string, Contract> = [ParamNames<Path>] extends [never]
  ? [options?: CallOptions<Path, Contract>]
  : [options: CallOptions<Path, Contract>];

/** `/systems/:id` with `{ id }` becomes `/systems/0199…`; every value is encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The path ${path} needs :${name}`);
    return encodeURIComponent(value);
  });
}

function caller<M extends Method, P extends Prefix>(method: M, prefix: P) {
  return <Path extends PathOf<M, P>>(path: Path, ...[options]: CallArguments<Path, Route<M, P, Path>>) => {
    const { params, ...rest } = (options ?? {}) as RequestOptions & { params?: Record<string, string> };
    return send(method, `${prefix}${fillPath(path, params)}`, rest) as Promise<ResponseOf<Route<M, P, Path>>>;
  };
}

/**
 * The API client, typed by route from the contracts: `api.get('/systems/:id', { params: { id } })`
 * answers a `System` because the route map says so; a path the server has no route for, a missing
 * parameter or a body of the wrong shape does not compile.
 */
export const api = {
  get: caller('GET', '/api/v1'),
  post: caller('POST', '/api/v1'),
  put: caller('PUT', '/api/v1'),
  patch: caller('PATCH', '/api/v1'),
  delete: caller('DELETE', '/api/v1'),
};

/**
 * Uploads a file as the request's raw body (a policy document's attachment: no multipart), with
 * If-Match and the CSRF token as any write; the answer is the route's JSON record.
 */
export function putFile<Result>(path: string, file: Blob, options: { query?: Record<string, QueryValue>; version?: number } = {}) {
  return send('PUT', `/api/v1${path}`, { ...options, file }) as Promise<Result>;
}

/** The public register's routes (no login), through the same client. */
export const publicApi = { get: caller('GET', '/public/v1') };

/** The address of a download route (a link the browser follows), with its query. */
export function downloadUrl<
  Path extends {
    [Key in RouteKey]: Key extends `GET /api/v1${infer Found}` ? (ApiRoutes[Key] extends { file: true } ? Found : never) : never;
  }[RouteKey],
>(path: Path, query: z.input<Schema<ApiRoutes[`GET /api/v1${Path}` & RouteKey], 'query'> & z.ZodType>): string {
  return buildPath(`/api/v1${path}`, query as Record<string, QueryValue>);
}

/**
 * A download that is a POST (the audit log's export writes an audit event, so it is not a link):
 * the file is fetched with the CSRF token and handed to the browser under the server's file name.
 * `params` fill the path's `:name` segments (a person's subject access extract); `query` carries a
 * filtered export's filters (the article 30 register with its confidential records).
 */
export async function downloadByPost<
  Path extends {
    [Key in RouteKey]: Key extends `POST /api/v1${infer Found}` ? (ApiRoutes[Key] extends { file: true } ? Found : never) : never;
  }[RouteKey],
>(
  path: Path,
  body: z.input<Schema<ApiRoutes[`POST /api/v1${Path}` & RouteKey], 'body'> & z.ZodType>,
  params: Record<string, string> = {},
  query: Record<string, QueryValue> = {},
): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildPath(`/api/v1${fillPath(path, params)}`, query), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, undefined, 'Network error');
  }
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem, problem?.detail ?? `HTTP ${response.status}`);
  }
  await saveResponse(response);
}

/**
 * An upload whose request body is the file itself (the imports): sent with its own content type
 * and the CSRF token, the answer parsed as the route's contract says.
 */
export async function uploadFile<
  Path extends {
    [Key in RouteKey]: Key extends `POST /api/v1${infer Found}` ? (ApiRoutes[Key] extends { upload: true } ? Found : never) : never;
  }[RouteKey],
>(
  path: Path,
  file: Blob,
  query: z.input<Schema<ApiRoutes[`POST /api/v1${Path}` & RouteKey], 'query'> & z.ZodType>,
): Promise<ResponseOf<ApiRoutes[`POST /api/v1${Path}` & RouteKey]>> {
  // The one request path (send): the file's own content type, the CSRF token and the problem handling of every call.
  const answer = await send('POST', `/api/v1${path}`, { query: query as Record<string, QueryValue>, file });
  return answer as ResponseOf<ApiRoutes[`POST /api/v1${Path}` & RouteKey]>;
}

type UploadPath = {
  [Key in RouteKey]: Key extends `POST /api/v1${infer Found}` ? (ApiRoutes[Key] extends { upload: true } ? Found : never) : never;
}[RouteKey];

/** An upload whose request body is the file, with the CSRF token, answering the raw response (or the problem as an ApiError). */
async function sendUpload(path: UploadPath, file: Blob, query: Record<string, QueryValue>, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Content-Type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildPath(`/api/v1${path}`, query), { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, undefined, 'Network error');
  }
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json()) as Problem) : undefined;
    throw new ApiError(response.status, problem, problem?.detail ?? `HTTP ${response.status}`);
  }
  return response;
}

/** Hands a fetched file to the browser under the server's file name. */
async function saveResponse(response: Response): Promise<void> {
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
  const address = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = address;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the address can go after that.
  setTimeout(() => URL.revokeObjectURL(address), 60_000);
}

/** An upload answered by a file (an import's dry run as a spreadsheet): saved under the server's file name. */
export async function uploadForDownload(path: UploadPath, file: Blob, query: Record<string, QueryValue>): Promise<void> {
  await saveResponse(await sendUpload(path, file, query, '*/*'));
}

/**
 * An upload answered by NDJSON lines (an import's apply, ADR 0032): each parsed line is handed to
 * `onLine` as it arrives, so a progress indicator follows the server's batches.
 */
export async function uploadStreaming(
  path: UploadPath,
  file: Blob,
  query: Record<string, QueryValue>,
  onLine: (line: unknown) => void,
): Promise<void> {
  const response = await sendUpload(path, file, query, 'application/x-ndjson');
  if (!(response.headers.get('content-type') ?? '').includes('ndjson')) {
    onLine(await response.json());
    return;
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onLine(JSON.parse(line));
      newline = buffered.indexOf('\n');
    }
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}
