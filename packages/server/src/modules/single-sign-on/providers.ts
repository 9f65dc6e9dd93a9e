import { createHash } from 'node:crypto';
import type { GroupRole, SingleSignOnMatch } from '@forvalta/contracts';
import * as openid from 'openid-client';
import type { EnvironmentSingleSignOn } from '../../config.ts';
import type { Executor } from '../../platform/database.ts';
import { openSecret } from '../../platform/secret-box.ts';
import { singleSignOnRepository } from './single-sign-on.repository.ts';

/** The provider a municipality signs in with, from the application's settings or the OIDC_* variables. */
export interface Provider {
  municipalityId: string;
  source: 'application' | 'environment';
  displayName: string;
  issuer: string;
  clientId: string;
  /** A function, not a value: the secret is opened only when a request to the provider needs it. */
  clientSecret(): string;
  matchBy: SingleSignOnMatch;
  matchClaim: string;
  groupsClaim: string | null;
  groupRoles: GroupRole[];
  passwordLogin: boolean;
  version: number;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
export const isLoopbackHost = (host: string) => loopbackHosts.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** `http://` is accepted only on a loopback address (a test or a provider on the same machine). */
export function issuerProblem(issuer: string): string | undefined {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return 'The issuer must be an https:// address (http:// only on a loopback address).';
}

const discoveryTimeoutSeconds = 10;
/** A provider's metadata and keys are fetched again after this long (a rotated key is picked up). */
const discoveryCacheMilliseconds = 10 * 60_000;

export function createProviders(db: Executor, environment: EnvironmentSingleSignOn | null) {
  const discovered = new Map<string, { at: number; configuration: Promise<openid.Configuration> }>();

  /** The municipality the OIDC_* variables are for: the named code, else the installation's only municipality. */
  async function environmentMunicipalityId(): Promise<string | undefined> {
    if (!environment) return undefined;
    if (environment.municipalityCode) return (await singleSignOnRepository.municipalityByCode(db, environment.municipalityCode))?.id;
    const all = await singleSignOnRepository.listMunicipalities(db);
    return all.length === 1 ? all[0]!.id : undefined;
  }

  async function providerOf(municipalityId: string): Promise<Provider | undefined> {
    if (environment && (await environmentMunicipalityId()) === municipalityId) {
      const { clientSecret, ...rest } = environment;
      return { ...rest, municipalityId, source: 'environment', clientSecret: () => clientSecret, version: 1 };
    }
    const stored = await singleSignOnRepository.provider(db, municipalityId);
    if (!stored) return undefined;
    const { clientSecretSealed, ...rest } = stored;
    return { ...rest, source: 'application', clientSecret: () => openSecret(clientSecretSealed) };
  }

  /** openid-client's discovery: metadata from `<issuer>/.well-known/openid-configuration`, its issuer checked. */
  function discover(provider: Provider): Promise<openid.Configuration> {
    const url = new URL(provider.issuer);
    return openid.discovery(url, provider.clientId, provider.clientSecret(), undefined, {
      timeout: discoveryTimeoutSeconds,
      ...(url.protocol === 'http:' && isLoopbackHost(url.hostname) ? { execute: [openid.allowInsecureRequests] } : {}),
    });
  }

  return {
    providerOf,
    discover,

    /** The configuration for logins, cached per provider version; a failed discovery is not kept. */
    configurationFor(provider: Provider): Promise<openid.Configuration> {
      // The secret's digest too: a provider removed and set again starts at the same version.
      const secret = createHash('sha256').update(provider.clientSecret()).digest('hex').slice(0, 16);
      const key = `${provider.municipalityId}|${provider.source}|${provider.version}|${provider.issuer}|${provider.clientId}|${secret}`;
      const cached = discovered.get(key);
      if (cached && Date.now() - cached.at < discoveryCacheMilliseconds) return cached.configuration;
      const configuration = discover(provider);
      discovered.set(key, { at: Date.now(), configuration });
      configuration.catch(() => discovered.delete(key));
      return configuration;
    },

    async passwordLoginAllowed(municipalityId: string): Promise<boolean> {
      const provider = await providerOf(municipalityId);
      return provider?.passwordLogin ?? true;
    },
  };
}

export type Providers = ReturnType<typeof createProviders>;
