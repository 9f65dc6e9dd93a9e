import { expect } from 'vitest';
import type { TestContext } from './test-app.ts';

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: unknown;
  ifMatch?: number | string;
}

export type TestResponse = Awaited<ReturnType<TestContext['app']['inject']>>;

/** One HTTP request against the in-process app (no mocks: the real routes, services and database). */
export function send(context: TestContext, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, options: RequestOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.ifMatch !== undefined) headers['if-match'] = typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
  return context.app.inject({
    method,
    url,
    headers,
    ...(options.body !== undefined ? { payload: options.body as Record<string, unknown> } : {}),
  });
}

/** Asserts an RFC 9457 problem with the given status and stable code, and returns it. */
export function expectProblem(response: TestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = response.json();
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  expect(problem).not.toHaveProperty('stack');
  return problem as {
    code: string;
    detail?: string;
    errors?: Array<{ path: string; message: string }>;
    requirement?: string;
    reason?: string;
  };
}

export function expectStatus(response: TestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  return response.statusCode === 204 ? undefined : response.json();
}

/** Logs in with e-mail and password the way the browser does; returns cookie and CSRF headers. */
export async function loginWithSession(context: TestContext, email: string, password: string, municipalityCode?: string) {
  const response = await send(context, 'POST', '/api/v1/auth/login', {
    body: { email, password, ...(municipalityCode ? { municipalityCode } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === 'forvalta_session');
  expect(cookie).toBeDefined();
  const me = response.json();
  return {
    me,
    cookie: cookie!,
    cookieHeader: { cookie: `forvalta_session=${cookie!.value}` },
    csrfHeaders: { cookie: `forvalta_session=${cookie!.value}`, 'x-csrf-token': me.csrfToken as string },
  };
}
