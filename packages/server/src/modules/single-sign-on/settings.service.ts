import {
  departmentScopedRoles,
  type SingleSignOnSettings,
  type SingleSignOnSettingsUpdate,
  type SingleSignOnStatus,
} from '@forvalta/contracts';
import { can, municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { sealSecret } from '../../platform/secret-box.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { issuerProblem, type Provider, type Providers } from './providers.ts';
import { singleSignOnRepository, type StoredProvider } from './single-sign-on.repository.ts';

/** A provider as the audit log shows it: never the secret, sealed or not. */
function shown(provider: StoredProvider | undefined) {
  return provider
    ? {
        displayName: provider.displayName,
        issuer: provider.issuer,
        clientId: provider.clientId,
        matchBy: provider.matchBy,
        matchClaim: provider.matchClaim,
        groupsClaim: provider.groupsClaim,
        groupRoles: provider.groupRoles,
        passwordLogin: provider.passwordLogin,
      }
    : null;
}

const unset = {
  configured: false,
  source: null,
  displayName: '',
  issuer: '',
  clientId: '',
  clientSecretStored: false,
  matchBy: 'email',
  matchClaim: 'email',
  groupsClaim: null,
  groupRoles: [],
  passwordLogin: true,
  version: 1,
} as const;

/** The administrator's single sign-on settings and the provider's discovery status (ADR 0036); never the secret. */
export function createSingleSignOnSettingsService(db: DatabaseHandle, clock: Clock, providers: Providers, redirectUri: string | null) {
  const versioned = versionedWrites(db, clock);

  function settingsOf(provider: Provider | undefined, canUpdate: boolean): SingleSignOnSettings {
    const can = { update: canUpdate && provider?.source !== 'environment' };
    if (!provider) return { ...unset, groupRoles: [], redirectUri, can };
    return {
      configured: true,
      source: provider.source,
      displayName: provider.displayName,
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecretStored: true,
      matchBy: provider.matchBy,
      matchClaim: provider.matchClaim,
      groupsClaim: provider.groupsClaim,
      groupRoles: provider.groupRoles,
      passwordLogin: provider.passwordLogin,
      redirectUri,
      version: provider.version,
      can,
    };
  }

  return {
    getSettings: useCase('singleSignOn.manage', async ({ actor, authorise }): Promise<SingleSignOnSettings> => {
      authorise();
      return settingsOf(await providers.providerOf(municipalityOf(actor)), can(actor, 'singleSignOn.manage'));
    }),

    /** Sets the provider (If-Match). The secret is sealed before it is stored; left out, the stored one is kept. */
    updateSettings: useCase(
      'singleSignOn.manage',
      async ({ actor, authorise }, expectedVersion: ExpectedVersion, input: SingleSignOnSettingsUpdate): Promise<SingleSignOnSettings> => {
        const municipalityId = municipalityOf(actor);
        const problem = issuerProblem(input.issuer);
        if (problem) throw invalid('issuer', problem);
        const scoped = input.groupRoles.find((entry) => departmentScopedRoles.includes(entry.role));
        if (scoped) throw invalid('groupRoles', `The role ${scoped.role} applies to a department; give it in the application.`);
        // Read before the transaction: on SQLite a second connection would wait for it to end.
        const fromEnvironment = (await providers.providerOf(municipalityId))?.source === 'environment';
        await versioned.update(actor, {
          entity: 'Single sign-on settings',
          expectedVersion,
          load: async (transaction) => ({ stored: await singleSignOnRepository.provider(transaction, municipalityId) }),
          versionOf: ({ stored }) => stored?.version ?? 1,
          authorise: () => {
            authorise();
            if (fromEnvironment)
              throw new AppError('forbidden', "This installation's provider is set by its OIDC_* variables; change them there.");
          },
          apply: (transaction, { stored }, version) => {
            const sealed = input.clientSecret !== undefined ? sealSecret(input.clientSecret) : stored?.clientSecretSealed;
            if (!sealed) throw invalid('clientSecret', 'Give the client secret the provider issued for Förvalta.');
            const { clientSecret: _left, ...values } = input;
            return singleSignOnRepository.saveProvider(
              transaction,
              municipalityId,
              version,
              { ...values, issuer: input.issuer.replace(/\/+$/, ''), clientSecretSealed: sealed },
              clock.now().toISOString(),
            );
          },
          audit: ({ stored }, after) => {
            // Never the secret, sealed or not: only that it changed.
            return {
              action: 'update',
              entityType: 'single_sign_on',
              entityId: municipalityId,
              before: shown(stored),
              after: { ...shown(after.stored), clientSecretChanged: input.clientSecret !== undefined },
            };
          },
        });
        return settingsOf(await providers.providerOf(municipalityId), true);
      },
    ),

    /**
     * Removes the municipality's provider (If-Match), audited. Refused while password login is off:
     * with the provider gone, people who sign in only through it (the administrator too) would have
     * no way in; turn password login on first. The OIDC_* variables' provider is not the
     * application's to remove.
     */
    deleteSettings: useCase('singleSignOn.manage', async ({ actor, authorise }, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      const fromEnvironment = (await providers.providerOf(municipalityId))?.source === 'environment';
      await versioned.delete(actor, {
        entity: 'Single sign-on provider',
        expectedVersion,
        load: (transaction) => singleSignOnRepository.provider(transaction, municipalityId),
        authorise: () => {
          authorise();
          if (fromEnvironment)
            throw new AppError('forbidden', "This installation's provider is set by its OIDC_* variables; remove them there.");
        },
        apply: (transaction, stored, version) => {
          if (!stored.passwordLogin)
            throw conflict(
              'Password login is off in this municipality: without the provider nobody could log in. Turn password login on first.',
              'single_sign_on_only_way_in',
            );
          return singleSignOnRepository.deleteProvider(transaction, municipalityId, version);
        },
        audit: (stored) => ({ action: 'delete', entityType: 'single_sign_on', entityId: municipalityId, before: shown(stored) }),
      });
    }),

    /** The provider's discovery, fetched now (nothing is written): reachable, its issuer, the error. */
    status: useCase('singleSignOn.manage', async ({ actor, authorise }): Promise<SingleSignOnStatus> => {
      authorise();
      const provider = await providers.providerOf(municipalityOf(actor));
      const checkedAt = clock.now().toISOString();
      if (!provider) return { configured: false, reachable: null, issuer: null, endSessionSupported: false, error: null, checkedAt };
      try {
        const metadata = (await providers.discover(provider)).serverMetadata();
        return {
          configured: true,
          reachable: true,
          issuer: metadata.issuer,
          endSessionSupported: Boolean(metadata.end_session_endpoint),
          error: null,
          checkedAt,
        };
      } catch (error) {
        return {
          configured: true,
          reachable: false,
          issuer: null,
          endSessionSupported: false,
          error: (error as Error).message.slice(0, 300),
          checkedAt,
        };
      }
    }),
  };
}

export type SingleSignOnSettingsService = ReturnType<typeof createSingleSignOnSettingsService>;
