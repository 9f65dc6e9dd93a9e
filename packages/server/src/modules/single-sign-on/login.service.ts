import type { LoginOptions, Role, SingleSignOnRefusal } from '@forvalta/contracts';
import * as openid from 'openid-client';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import { hashSecret, newSecret } from '../../platform/tokens.ts';
import type { Actor } from '../../access/actor.ts';
import type { AuthService, SessionContext } from '../auth/index.ts';
import { linkBySingleSignOn } from '../logins/index.ts';
import type { RoleAssignmentsService } from '../organisation/index.ts';
import type { Provider, Providers } from './providers.ts';
import { singleSignOnRepository } from './single-sign-on.repository.ts';

/** A login at the provider must come back within this (the attempt row and its cookie end then). */
export const attemptMinutes = 10;
export const callbackPath = '/api/v1/auth/oidc/callback';

export type StartOutcome =
  | { kind: 'redirect'; location: string; attemptCookie: string }
  | { kind: 'refused'; reason: SingleSignOnRefusal; municipalityCode: string };
export type CallbackOutcome =
  | { kind: 'session'; sessionToken: string; session: SessionContext; actor: Actor; returnTo: string }
  | { kind: 'refused'; reason: SingleSignOnRefusal; municipalityCode: string | null };

/**
 * Where to go after the login: a path of this application only. Anything that could leave the
 * origin (`//evil`, `/\evil`, `https://…`, control characters) becomes `/`: no open redirect.
 */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo?.startsWith('/') || returnTo.startsWith('//')) return '/';
  // A backslash (`/\evil` is `//evil` to a browser) or a control character: not a plain path.
  if (/[\u0000-\u001f\u007f\\]/.test(returnTo)) return '/';
  const base = 'http://same-origin.invalid';
  const parsed = new URL(returnTo, base);
  if (parsed.origin !== base) return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The claim as one text value (a provider may send a one-element array), or undefined. */
function claimText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

export function createSingleSignOnLogin(
  db: DatabaseHandle,
  clock: Clock,
  providers: Providers,
  ports: { auth: AuthService; roleAssignments: RoleAssignmentsService; publicUrl: string | null; log?: (message: string) => void },
) {
  const redirectUri = ports.publicUrl ? `${ports.publicUrl}${callbackPath}` : null;

  /** A refused login, on the municipality's audit chain: its administrator sees who was turned away and why. */
  async function refuse(municipality: { id: string; code: string }, reason: SingleSignOnRefusal, subject?: string, detail?: string) {
    await withTransaction(db, (transaction) =>
      recordAudit(transaction, systemActor('single sign-on', municipality.id), clock, {
        action: 'login_failed',
        entityType: 'single_sign_on',
        entityId: municipality.id,
        after: { reason, ...(subject ? { claim: subject.slice(0, 200) } : {}), ...(detail ? { detail: detail.slice(0, 300) } : {}) },
      }),
    );
    return { kind: 'refused' as const, reason, municipalityCode: municipality.code };
  }

  /**
   * The roles the provider's groups decide, given and removed at each login (ADR 0036): only the
   * municipality-wide assignments of the roles named in the mapping; every other role is the
   * administrator's. A token whose groups did not fit (Entra ID's "overage", `_claim_names`)
   * changes nothing: an absent list is not an empty one.
   */
  async function applyGroupRoles(provider: Provider, personId: string, claims: Record<string, unknown>) {
    if (!provider.groupsClaim || provider.groupRoles.length === 0) return;
    const overage = (claims._claim_names as Record<string, unknown> | undefined)?.[provider.groupsClaim];
    if (overage !== undefined) {
      ports.log?.(`single sign-on: the ${provider.groupsClaim} claim did not fit in the token; roles left as they are`);
      return;
    }
    const raw = claims[provider.groupsClaim];
    const groups = new Set((Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).map(String));
    const decided = [...new Set(provider.groupRoles.map((entry) => entry.role))];
    const wanted = new Set(provider.groupRoles.filter((entry) => groups.has(entry.group)).map((entry) => entry.role));
    const held = await singleSignOnRepository.groupDecidedAssignments(db, provider.municipalityId, personId, decided);
    const actor = systemActor('single sign-on', provider.municipalityId);
    for (const role of decided as Role[]) {
      const assignment = held.find((candidate) => candidate.role === role);
      if (wanted.has(role) && !assignment) await ports.roleAssignments.createRoleAssignment(actor, { personId, role });
      if (!wanted.has(role) && assignment) {
        try {
          await ports.roleAssignments.deleteRoleAssignment(actor, assignment.id, assignment.version);
        } catch (error) {
          // The last administrator stays (role-assignments.service.ts); the next login tries again.
          ports.log?.(`single sign-on: ${role} not removed: ${(error as Error).message}`);
        }
      }
    }
  }

  return {
    redirectUri,

    /** What the login page offers (public): the button's name, and whether the password form is shown. */
    async options(municipalityCode: string | undefined): Promise<LoginOptions> {
      const only = municipalityCode ? [] : await singleSignOnRepository.listMunicipalities(db);
      const code = municipalityCode ?? (only.length === 1 ? only[0]!.code : undefined);
      const municipality = code ? await singleSignOnRepository.municipalityByCode(db, code) : undefined;
      const provider = municipality ? await providers.providerOf(municipality.id) : undefined;
      return {
        municipalityCode: municipality?.code ?? null,
        singleSignOn: provider && redirectUri ? { displayName: provider.displayName } : null,
        passwordLogin: provider?.passwordLogin ?? true,
      };
    },

    /** Starts at the municipality's provider: authorization code with PKCE, a fresh state and nonce. */
    async start(municipalityCode: string, returnTo: string | undefined): Promise<StartOutcome> {
      const municipality = await singleSignOnRepository.municipalityByCode(db, municipalityCode);
      if (!municipality) return { kind: 'refused', reason: 'not_configured', municipalityCode };
      const provider = await providers.providerOf(municipality.id);
      if (!provider || !redirectUri) return { kind: 'refused', reason: 'not_configured', municipalityCode };
      let configuration: openid.Configuration;
      try {
        configuration = await providers.configurationFor(provider);
      } catch (error) {
        ports.log?.(`single sign-on: discovery of ${provider.issuer} failed: ${(error as Error).message}`);
        return { kind: 'refused', reason: 'provider_unreachable', municipalityCode };
      }
      const state = openid.randomState();
      const nonce = openid.randomNonce();
      const codeVerifier = openid.randomPKCECodeVerifier();
      const attemptCookie = newSecret();
      const now = clock.now();
      await singleSignOnRepository.insertAttempt(
        db,
        { id: hashSecret(attemptCookie), municipalityId: municipality.id, state, nonce, codeVerifier, returnTo: safeReturnTo(returnTo) },
        now.toISOString(),
        new Date(now.getTime() + attemptMinutes * 60_000).toISOString(),
      );
      const location = openid.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { kind: 'redirect', location: location.href, attemptCookie };
    },

    /**
     * The provider's answer. The municipality is the one this browser's attempt was started for
     * (never a parameter of the callback); its state, nonce and PKCE verifier must match, and the
     * ID token must be signed by THAT municipality's issuer. The attempt is spent first: a replay finds nothing.
     */
    async callback(query: string, attemptCookie: string | undefined): Promise<CallbackOutcome> {
      const now = clock.now();
      const attempt = attemptCookie
        ? await singleSignOnRepository.spendAttempt(db, hashSecret(attemptCookie), now.toISOString())
        : undefined;
      if (!attempt) return { kind: 'refused', reason: 'expired', municipalityCode: null };
      const municipality = (await singleSignOnRepository.municipalityById(db, attempt.municipality_id))!;
      const provider = await providers.providerOf(municipality.id);
      if (!provider || !redirectUri) return { kind: 'refused', reason: 'not_configured', municipalityCode: municipality.code };
      let claims: Record<string, unknown>;
      try {
        const configuration = await providers.configurationFor(provider);
        const tokens = await openid.authorizationCodeGrant(configuration, new URL(`${redirectUri}${query}`), {
          pkceCodeVerifier: attempt.code_verifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        claims = (tokens.claims() ?? {}) as Record<string, unknown>;
      } catch (error) {
        return refuse(municipality, 'failed', undefined, (error as Error).message);
      }
      const matched = claimText(claims[provider.matchClaim]);
      if (!matched) return refuse(municipality, 'unknown_person', undefined, `no ${provider.matchClaim} claim`);
      const person = await singleSignOnRepository.findPerson(db, municipality.id, provider.matchBy, matched);
      if (!person) return refuse(municipality, 'unknown_person', matched);
      if (person.employment_status === 'left' || (person.end_date !== null && person.end_date <= swedishToday(now)))
        return refuse(municipality, 'person_left', matched);
      const loginId =
        person.login_id ??
        (await withTransaction(db, (transaction) =>
          linkBySingleSignOn(transaction, systemActor('single sign-on', municipality.id), clock, {
            municipalityId: municipality.id,
            personId: person.id,
            email: person.email,
          }),
        ));
      if (!loginId) return refuse(municipality, 'no_login', matched);
      await applyGroupRoles(provider, person.id, claims);
      const opened = await ports.auth.openSingleSignOnSession(loginId, municipality.id);
      if (!opened) return refuse(municipality, 'no_role', matched);
      return { kind: 'session', ...opened, returnTo: attempt.return_to };
    },

    /**
     * Logs out here, and names the provider's end-session address when the session came from it
     * and the provider has one (RP-initiated logout); otherwise null.
     */
    async logout(actor: Actor, session: SessionContext | undefined): Promise<{ redirectTo: string | null }> {
      const fromProvider = session ? await ports.auth.isSingleSignOnSession(session.sessionId) : false;
      await ports.auth.logout(actor, session, false);
      if (!fromProvider || !ports.publicUrl) return { redirectTo: null };
      const provider = await providers.providerOf(actor.municipalityId);
      if (!provider) return { redirectTo: null };
      try {
        const configuration = await providers.configurationFor(provider);
        if (!configuration.serverMetadata().end_session_endpoint) return { redirectTo: null };
        const municipality = await singleSignOnRepository.municipalityById(db, actor.municipalityId);
        const url = openid.buildEndSessionUrl(configuration, {
          client_id: provider.clientId,
          post_logout_redirect_uri: `${ports.publicUrl}/login${municipality ? `?municipality=${municipality.code}` : ''}`,
        });
        return { redirectTo: url.href };
      } catch {
        // The session here has ended; a provider out of reach cannot undo that.
        return { redirectTo: null };
      }
    },

    removeExpiredAttempts: (at: Date) => singleSignOnRepository.removeExpiredAttempts(db, at.toISOString()),
  };
}

export type SingleSignOnLogin = ReturnType<typeof createSingleSignOnLogin>;
