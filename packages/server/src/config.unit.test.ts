import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data, localhost:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: './data/forvalta.db',
      host: '127.0.0.1',
      port: 3000,
      cookieSecure: false,
      sessionIdleMinutes: 120,
      readCache: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      HOST: '0.0.0.0',
      PORT: '8080',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: 'true',
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_HOURS: '8',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '5',
      LOGIN_RATE_LIMIT_PER_MINUTE: '50',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '/srv/web',
      READ_CACHE: 'false',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      host: '0.0.0.0',
      port: 8080,
      cookieSecure: true,
      trustProxy: { hops: 1 },
      sessionIdleMinutes: 30,
      sessionMaxHours: 8,
      loginMaxFailures: 3,
      loginLockMinutes: 5,
      loginRateLimitPerMinute: 50,
      logLevel: 'warn',
      webDistDirectory: '/srv/web',
      readCache: false,
    });
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never as "trust every hop"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).trustProxy).toEqual({
      addresses: ['10.0.0.1', '192.168.0.0/16', '::1', 'loopback'],
    });
    for (const wrong of ['yes', '10.0.0.300', '10.0.0.0/33', 'fe80::/129', '11', '10.0.0.1,proxy.example']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong }), wrong).toThrowError(/TRUST_PROXY/);
    }
  });

  it('fails at boot with every invalid variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty', COOKIE_SECURE: 'yes' })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', COOKIE_SECURE: 'yes' })).toThrowError(/PORT.*COOKIE_SECURE/);
  });
});
