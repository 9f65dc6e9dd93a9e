import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { auditKeyOf, type AuditKey } from './platform/audit-key.ts';
import { roleSchema, type Role } from '@forvalta/contracts';
import { z } from 'zod';

/**
 * The one place that reads the environment. Everything else receives a Config.
 * Each variable is documented here and in the README.
 */
const environmentSchema = z.object({
  /** `postgres://…` for PostgreSQL, otherwise a file path for SQLite. */
  DATABASE_URL: z.string().min(1).default('./data/forvalta.db'),
  /** The audit chains' HMAC key: a file outside the database, created (mode 0600) on first start. */
  AUDIT_KEY_FILE: z.string().min(1).default('./data/audit.key'),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Idle minutes after which a browser session ends. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  /** Hours after which a browser session ends regardless of activity. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** `true` behind TLS: marks the session cookie Secure. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * Which X-Forwarded-For entries to believe: `false` (none: the socket's address is the client),
   * a number of reverse-proxy hops in front of the server (`1` for one; `true` means 1), or a
   * comma-separated list of the proxies' addresses or CIDR ranges. Never "every hop": the
   * left-most entry is whatever the client wrote.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, context) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'string') {
        context.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  /** Login attempts for one e-mail address from one client address within LOGIN_LOCK_MINUTES (ADR 0010). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Login attempts an hour for one e-mail address from all client addresses that never logged in to it. */
  LOGIN_ACCOUNT_ATTEMPTS_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(30),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Login attempts allowed per client address and minute (answers 429 beyond). */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  /**
   * Where policy documents' attached files are kept (ADR 0018): outside the web root, one file per
   * version named by a random key, never by the uploaded name. Created on the first upload.
   */
  DOCUMENTS_DIR: z.string().min(1).default('./data/documents'),
  /** The largest attached file of a policy document version, in bytes (PDF, DOCX, ODT). */
  DOCUMENT_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** Directory of the built web application; served at /. */
  WEB_DIST_DIR: z.string().optional(),
  /** `false` stops this instance from running scheduled jobs (another instance, or `forvalta jobs run-due` from cron, runs them). */
  /** `false`: every read goes to the database (for installations whose data is also changed outside the application). */
  READ_CACHE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** How often an instance looks for due jobs. */
  JOBS_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** How long a claimed job stays an instance's; a crashed instance's job is taken over after it. */
  JOBS_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(24 * 3600)
    .default(300),
  /** How often responsibility changes are turned into change notices in the IT unit's queue. */
  JOBS_CHANGE_NOTICE_OUTBOX_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(30),
  /** SMTP server for e-mail (issue #18); unset: no e-mail is queued or sent. */
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** `starttls` (upgrade required, the default), `tls` (TLS from the start, port 465) or `none` (only to a loopback host). */
  SMTP_TLS: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  /** SMTP login; give both or neither. */
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** The sender, e.g. `Förvalta <forvalta@kommun.se>`. Required with SMTP_HOST. */
  MAIL_FROM: z.string().trim().min(3).optional(),
  /** The application's public address, the start of every link in an e-mail (https://forvalta.kommun.se). Required with SMTP_HOST. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How often the outbox is sent. */
  MAIL_SEND_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Attempts before a message is given up and shown as failed to administrators. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** The wait after the first failed attempt; it doubles after each further one. */
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How often new urgent asks are looked for and sent at once. */
  MAIL_NOTIFY_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** The hour (Europe/Stockholm) the daily digest is composed. */
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(6),
  /**
   * Single sign-on for a one-municipality installation (ADR 0036), instead of the administrator's
   * settings in the application: the provider's issuer (https; http only on a loopback address),
   * the client registered for Förvalta, and its secret. Requires PUBLIC_URL (the redirect URI is
   * PUBLIC_URL/api/v1/auth/oidc/callback).
   */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The municipality code the provider is for; unset: the installation's only municipality. */
  OIDC_MUNICIPALITY: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** The name on the login button ("Logga in med …"). */
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(100).default('Microsoft Entra ID'),
  /** `email` or `employee_number`: the person's field the claim is matched to. */
  OIDC_MATCH_BY: z.enum(['email', 'employee_number']).default('email'),
  /** The ID token claim matched (`email`, `preferred_username`, `employeeid`). */
  OIDC_MATCH_CLAIM: z.string().trim().min(1).default('email'),
  /** The claim with the person's groups (`groups`); unset: roles are not taken from the provider. */
  OIDC_GROUPS_CLAIM: z.string().trim().min(1).optional(),
  /** Group to role, `groupId=role` separated by commas (`0b7e…=it_unit,5c1d…=administrator`). */
  OIDC_GROUP_ROLES: z.string().default(''),
  /** `false` turns password login off in that municipality: only single sign-on. */
  OIDC_PASSWORD_LOGIN: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export interface Config {
  databaseUrl: string;
  auditKeyFile: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  trustProxy: TrustProxy;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginAccountAttemptsPerHour: number;
  loginRateLimitPerMinute: number;
  webDistDirectory: string;
  documentsDirectory: string;
  documentAttachmentMaxBytes: number;
  readCache: boolean;
  jobsEnabled: boolean;
  jobsTickSeconds: number;
  jobsLeaseSeconds: number;
  changeNoticeOutboxSeconds: number;
  /** SMTP, or null when e-mail is off (no SMTP_HOST). */
  mail: MailConfig | null;
  mailSendSeconds: number;
  mailMaxAttempts: number;
  mailRetrySeconds: number;
  mailNotifySeconds: number;
  mailDigestHour: number;
  /** The application's public address without a trailing slash (PUBLIC_URL), or null. */
  publicUrl: string | null;
  /** The OIDC_* provider of a one-municipality installation, or null (ADR 0036). */
  singleSignOn: EnvironmentSingleSignOn | null;
  version: string;
}

export interface EnvironmentSingleSignOn {
  municipalityCode: string | null;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  matchBy: 'email' | 'employee_number';
  matchClaim: string;
  groupsClaim: string | null;
  groupRoles: Array<{ group: string; role: Role }>;
  passwordLogin: boolean;
}

export interface MailConfig {
  host: string;
  port: number;
  tls: 'starttls' | 'tls' | 'none';
  /** Null without SMTP authentication. The password is never logged or shown. */
  auth: { user: string; password: string } | null;
  from: string;
  /** Without a trailing slash. */
  publicUrl: string;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const isLoopback = (host: string) => loopbackHosts.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The SMTP settings as one MailConfig, or the reasons they are not one. */
function mailConfigOf(values: z.infer<typeof environmentSchema>): MailConfig | null | string[] {
  if (!values.SMTP_HOST) return null;
  const problems: string[] = [];
  if (!values.MAIL_FROM) problems.push('MAIL_FROM: required with SMTP_HOST');
  if (!values.PUBLIC_URL) problems.push('PUBLIC_URL: required with SMTP_HOST (every link in an e-mail starts with it)');
  if (values.SMTP_TLS === 'none' && !isLoopback(values.SMTP_HOST))
    problems.push('SMTP_TLS: none is allowed only to a loopback host; use starttls or tls');
  if (Boolean(values.SMTP_USER) !== Boolean(values.SMTP_PASSWORD)) problems.push('SMTP_USER and SMTP_PASSWORD: give both or neither');
  if (values.PUBLIC_URL?.startsWith('http:') && !isLoopback(new URL(values.PUBLIC_URL).hostname))
    problems.push('PUBLIC_URL: https is required except on a loopback address');
  if (problems.length > 0) return problems;
  return {
    host: values.SMTP_HOST,
    port: values.SMTP_PORT,
    tls: values.SMTP_TLS,
    auth: values.SMTP_USER && values.SMTP_PASSWORD ? { user: values.SMTP_USER, password: values.SMTP_PASSWORD } : null,
    from: values.MAIL_FROM!,
    publicUrl: values.PUBLIC_URL!.replace(/\/+$/, ''),
  };
}

export class ConfigError extends Error {}

/** The OIDC_* variables as one provider, null when OIDC_ISSUER is unset, or the reasons they are not one. */
function singleSignOnConfigOf(values: z.infer<typeof environmentSchema>): EnvironmentSingleSignOn | null | string[] {
  if (!values.OIDC_ISSUER) return null;
  const problems: string[] = [];
  if (!values.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
  if (!values.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET: required with OIDC_ISSUER');
  if (!values.PUBLIC_URL) problems.push('PUBLIC_URL: required with OIDC_ISSUER (the redirect URI starts with it)');
  if (values.OIDC_ISSUER.startsWith('http:') && !isLoopback(new URL(values.OIDC_ISSUER).hostname))
    problems.push('OIDC_ISSUER: https is required except on a loopback address');
  const groupRoles: EnvironmentSingleSignOn['groupRoles'] = [];
  for (const pair of values.OIDC_GROUP_ROLES.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [group, role] = pair.split('=').map((part) => part.trim());
    const known = roleSchema.safeParse(role);
    if (!group || !known.success)
      problems.push(`OIDC_GROUP_ROLES: "${pair}" is not groupId=role with a role of ${roleSchema.options.join(', ')}`);
    else groupRoles.push({ group, role: known.data });
  }
  if (problems.length > 0) return problems;
  return {
    municipalityCode: values.OIDC_MUNICIPALITY ?? null,
    displayName: values.OIDC_DISPLAY_NAME,
    issuer: values.OIDC_ISSUER,
    clientId: values.OIDC_CLIENT_ID!,
    clientSecret: values.OIDC_CLIENT_SECRET!,
    matchBy: values.OIDC_MATCH_BY,
    matchClaim: values.OIDC_MATCH_CLAIM,
    groupsClaim: values.OIDC_GROUPS_CLAIM ?? null,
    groupRoles,
    passwordLogin: values.OIDC_PASSWORD_LOGIN,
  };
}

/** `false`, a count of proxy hops, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

// proxy-addr's names for the loopback, link-local and unique-local ranges.
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (namedRanges.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY's value as a TrustProxy, or the reason it is not one. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim();
  if (text === 'false' || text === '0') return false;
  if (text === 'true') return { hops: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { hops } : 'a number of proxy hops from 0 to 10';
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) return `false, true, a number of proxy hops, or proxy addresses/CIDR ranges; not ${wrong.join(', ')}`;
  return { addresses: entries };
}

const repositoryRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(environment: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const mail = mailConfigOf(values);
  if (Array.isArray(mail)) throw new ConfigError(`Invalid configuration: ${mail.join('; ')}`);
  const singleSignOn = singleSignOnConfigOf(values);
  if (Array.isArray(singleSignOn)) throw new ConfigError(`Invalid configuration: ${singleSignOn.join('; ')}`);
  return {
    databaseUrl: values.DATABASE_URL,
    auditKeyFile: values.AUDIT_KEY_FILE,
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    sessionIdleMinutes: values.SESSION_IDLE_MINUTES,
    sessionMaxHours: values.SESSION_MAX_HOURS,
    cookieSecure: values.COOKIE_SECURE,
    trustProxy: values.TRUST_PROXY,
    loginMaxFailures: values.LOGIN_MAX_FAILURES,
    loginLockMinutes: values.LOGIN_LOCK_MINUTES,
    loginAccountAttemptsPerHour: values.LOGIN_ACCOUNT_ATTEMPTS_PER_HOUR,
    loginRateLimitPerMinute: values.LOGIN_RATE_LIMIT_PER_MINUTE,
    webDistDirectory: values.WEB_DIST_DIR ?? path.join(repositoryRoot, 'packages/web/dist'),
    documentsDirectory: values.DOCUMENTS_DIR,
    documentAttachmentMaxBytes: values.DOCUMENT_ATTACHMENT_MAX_BYTES,
    readCache: values.READ_CACHE,
    jobsEnabled: values.JOBS,
    jobsTickSeconds: values.JOBS_TICK_SECONDS,
    jobsLeaseSeconds: values.JOBS_LEASE_SECONDS,
    changeNoticeOutboxSeconds: values.JOBS_CHANGE_NOTICE_OUTBOX_SECONDS,
    mail,
    mailSendSeconds: values.MAIL_SEND_SECONDS,
    mailMaxAttempts: values.MAIL_MAX_ATTEMPTS,
    mailRetrySeconds: values.MAIL_RETRY_SECONDS,
    mailNotifySeconds: values.MAIL_NOTIFY_SECONDS,
    mailDigestHour: values.MAIL_DIGEST_HOUR,
    publicUrl: values.PUBLIC_URL ? values.PUBLIC_URL.replace(/\/+$/, '') : null,
    singleSignOn,
    version: '0.1.0',
    ...overrides,
  };
}

/** 32 random bytes, written as 64 hexadecimal digits and a newline. */
const auditKeyBytes = 32;

/**
 * Reads the audit key from AUDIT_KEY_FILE, creating it (mode 0600, never overwriting) on the first
 * start. Refuses a key that is too short or not hexadecimal, and a file that others than its owner
 * can read or write: whoever has the key can rewrite the audit log undetected (ADR 0012).
 */
export function loadAuditKey(file: string): AuditKey {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute)) {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    try {
      fs.writeFileSync(absolute, `${randomBytes(auditKeyBytes).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process (a second worker) created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new ConfigError(`AUDIT_KEY_FILE: cannot create ${absolute}: ${(error as Error).message}`);
    }
  }
  const stat = fs.statSync(absolute);
  if (!stat.isFile()) throw new ConfigError(`AUDIT_KEY_FILE: ${absolute} is not a file`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new ConfigError(`AUDIT_KEY_FILE: ${absolute} is readable or writable by others than its owner (chmod 600 it)`);
  }
  const text = fs.readFileSync(absolute, 'utf8').trim();
  if (!/^[0-9a-f]+$/i.test(text) || text.length < auditKeyBytes * 2 || text.length % 2 !== 0) {
    throw new ConfigError(`AUDIT_KEY_FILE: ${absolute} must hold at least ${auditKeyBytes * 2} hexadecimal digits`);
  }
  return auditKeyOf(Buffer.from(text, 'hex'));
}
