import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadAuditKey, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data, localhost:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: './data/forvalta.db',
      auditKeyFile: './data/audit.key',
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

  it('creates the audit key file once with mode 0600, reads it back, and refuses a weak or exposed one', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-key-'));
    try {
      const file = path.join(directory, 'nested', 'audit.key');
      const created = loadAuditKey(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(created.secret.length).toBe(32);
      expect(loadAuditKey(file)).toEqual(created);
      fs.chmodSync(file, 0o644);
      expect(() => loadAuditKey(file)).toThrow(/AUDIT_KEY_FILE: .*chmod 600/);
      const short = path.join(directory, 'short.key');
      fs.writeFileSync(short, 'abcd\n', { mode: 0o600 });
      expect(() => loadAuditKey(short)).toThrow(ConfigError);
      expect(() => loadAuditKey(directory)).toThrow(/not a file/);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('leaves e-mail off without SMTP_HOST, and validates SMTP at start when it is set', () => {
    expect(loadConfig({}).mail).toBeNull();
    const smtp = { SMTP_HOST: 'smtp.kommun.se', MAIL_FROM: 'Förvalta <forvalta@kommun.se>', PUBLIC_URL: 'https://forvalta.kommun.se/' };
    expect(loadConfig({ ...smtp, SMTP_USER: 'forvalta', SMTP_PASSWORD: 'hemligt' }).mail).toEqual({
      host: 'smtp.kommun.se',
      port: 587,
      tls: 'starttls',
      auth: { user: 'forvalta', password: 'hemligt' },
      from: 'Förvalta <forvalta@kommun.se>',
      publicUrl: 'https://forvalta.kommun.se',
    });
    expect(() => loadConfig({ SMTP_HOST: 'smtp.kommun.se' })).toThrow(/MAIL_FROM: required.*PUBLIC_URL: required/);
    expect(() => loadConfig({ ...smtp, SMTP_TLS: 'none' })).toThrow(/SMTP_TLS: none is allowed only to a loopback host/);
    expect(() => loadConfig({ ...smtp, SMTP_USER: 'forvalta' })).toThrow(/give both or neither/);
    expect(() => loadConfig({ ...smtp, PUBLIC_URL: 'http://forvalta.kommun.se' })).toThrow(/PUBLIC_URL: https is required/);
    expect(() => loadConfig({ ...smtp, PUBLIC_URL: 'ftp://forvalta.kommun.se' })).toThrow(ConfigError);
    expect(
      loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_TLS: 'none', MAIL_FROM: 'a@b.se', PUBLIC_URL: 'http://127.0.0.1:3000' }).mail?.tls,
    ).toBe('none');
  });

  it("reads a one-municipality installation's OpenID provider from OIDC_*, and validates it at start (ADR 0036)", () => {
    expect(loadConfig({}).singleSignOn).toBeNull();
    const oidc = {
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
      OIDC_CLIENT_ID: 'client',
      OIDC_CLIENT_SECRET: 'hemligt',
      PUBLIC_URL: 'https://forvalta.kommun.se',
    };
    expect(
      loadConfig({ ...oidc, OIDC_GROUPS_CLAIM: 'groups', OIDC_GROUP_ROLES: 'g1=it_unit, g2=administrator', OIDC_PASSWORD_LOGIN: 'false' })
        .singleSignOn,
    ).toEqual({
      municipalityCode: null,
      displayName: 'Microsoft Entra ID',
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      clientId: 'client',
      clientSecret: 'hemligt',
      matchBy: 'email',
      matchClaim: 'email',
      groupsClaim: 'groups',
      groupRoles: [
        { group: 'g1', role: 'it_unit' },
        { group: 'g2', role: 'administrator' },
      ],
      passwordLogin: false,
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.se' })).toThrow(
      /OIDC_CLIENT_ID: required.*OIDC_CLIENT_SECRET: required.*PUBLIC_URL: required/,
    );
    expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.se' })).toThrow(/OIDC_ISSUER: https is required/);
    expect(() => loadConfig({ ...oidc, OIDC_GROUP_ROLES: 'g1=owner' })).toThrow(/OIDC_GROUP_ROLES/);
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000' }).singleSignOn?.issuer).toBe('http://127.0.0.1:4000');
  });
});
