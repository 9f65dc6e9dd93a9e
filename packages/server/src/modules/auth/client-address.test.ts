import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/http.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';

/**
 * Behind a reverse proxy the client address is the X-Forwarded-For entry the proxy wrote (the
 * right-most one); entries to its left are the client's own words and must not give it a new
 * address for the login rate limit (issue #12, finding 5).
 */
describe.each([
  { trustProxy: 'true', proxy: '127.0.0.1' },
  { trustProxy: '1', proxy: '127.0.0.1' },
  { trustProxy: '127.0.0.1/32, 10.1.2.3', proxy: '10.1.2.3' },
])('TRUST_PROXY=$trustProxy', ({ trustProxy, proxy }) => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ TRUST_PROXY: trustProxy, LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => context.close());

  const attempt = (forwardedFor: string) =>
    context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: 'someone@tanum.se', password: 'guess' },
    });

  it('keeps counting one client however it forges the left of X-Forwarded-For', async () => {
    for (let index = 1; index <= 3; index += 1) {
      expectProblem(await attempt(`203.0.113.${index}, 198.51.100.7`), 401, 'invalid_credentials');
    }
    expectProblem(await attempt('203.0.113.99, 198.51.100.7'), 429, 'rate_limited');
    expectProblem(await attempt('198.51.100.7'), 429, 'rate_limited');
    // Another client behind the same proxy has its own count.
    expect((await attempt('203.0.113.1, 198.51.100.8')).statusCode).toBe(401);
  });
});

describe('TRUST_PROXY unset', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(() => context.close());

  it('ignores X-Forwarded-For altogether', async () => {
    const attempt = (forwardedFor: string) =>
      context.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { email: 'someone@tanum.se', password: 'guess' },
      });
    expectProblem(await attempt('198.51.100.1'), 401, 'invalid_credentials');
    expectProblem(await attempt('198.51.100.2'), 401, 'invalid_credentials');
    expectProblem(await attempt('198.51.100.3'), 429, 'rate_limited');
  });
});
