import { acknowledgementCases } from './acknowledgement-cases.ts';
import { accessRightImportCases } from './access-rights-import-cases.ts';
import { accessRightCases } from './access-right-cases.ts';
import { assetCases } from './asset-cases.ts';
import { importCases } from './import-cases.ts';
import { documentCases } from './document-cases.ts';
import { lifecycleCases } from './lifecycle-cases.ts';
import { organisationCases } from './organisation-cases.ts';
import { privacyCases } from './privacy-cases.ts';
import { registerCases } from './register-cases.ts';
import { trainingCases } from './training-cases.ts';
import { softwareCases } from './software-cases.ts';
import { incidentCases } from './incident-cases.ts';
import { policyAuthoringCases } from './policy-authoring-cases.ts';
import type { RouteCase } from './route-case.ts';

export type { Request, RouteCase } from './route-case.ts';

/**
 * One entry per API route that is about records: the matrix sends each for every role against
 * records of another municipality and of another department. Routes about the caller's own session
 * and the public ones are listed in `notAboutRecords` with the test that covers them.
 */
export const routeCases: Record<string, RouteCase> = {
  ...organisationCases,
  ...registerCases,
  ...lifecycleCases,
  ...trainingCases,
  ...acknowledgementCases,
  ...accessRightImportCases,
  ...accessRightCases,
  ...assetCases,
  ...importCases,
  ...documentCases,
  ...privacyCases,
  ...softwareCases,
  ...incidentCases,
  ...policyAuthoringCases,
};

/**
 * Routes the matrix leaves to other tests: they are about the caller's own session or login, or
 * open to anyone, so no record of another municipality or department can be named in them.
 */
export const notAboutRecords: Record<string, string> = {
  'GET /api/v1/health': 'public; modules/auth/auth.test.ts',
  'POST /api/v1/auth/login': 'public; modules/auth/auth.test.ts, login-throttle.test.ts',
  'POST /api/v1/auth/logout': "the caller's own session; modules/auth/auth.test.ts",
  'POST /api/v1/auth/oidc/logout': "the caller's own session; modules/single-sign-on/single-sign-on.test.ts",
  'POST /api/v1/auth/password-reset': 'public, by a one-time link; modules/auth/passwords.test.ts',
  'POST /api/v1/auth/password-reset-requests': 'public, the same answer for any address; modules/mail/mail.test.ts',
  'GET /api/v1/me/notification-settings': "the caller's own settings; modules/mail/mail.test.ts",
  'PUT /api/v1/me/notification-settings': "the caller's own settings; modules/mail/mail.test.ts",
  'POST /api/v1/invitations/lookup': 'public, by a one-time link; modules/logins/login-invitations.test.ts',
  'POST /api/v1/invitations/accept': 'public, by a one-time link; modules/logins/login-invitations.test.ts',
  'GET /api/v1/me': "the caller's own login; modules/auth/auth.test.ts",
  'PATCH /api/v1/me': "the caller's own login; modules/auth/auth.test.ts",
  'POST /api/v1/me/password': "the caller's own login; modules/auth/passwords.test.ts",
  'POST /api/v1/me/municipality': "the caller's own memberships; modules/auth/auth.test.ts (a municipality the login has no role in: 404)",
  'POST /api/v1/auth/login/second-factor': 'public, by the challenge of a password login; modules/auth/second-factor.test.ts',
  'POST /api/v1/me/second-factor/enrolment': "the caller's own login; modules/auth/second-factor.test.ts",
  'POST /api/v1/me/second-factor/confirmation': "the caller's own login; modules/auth/second-factor.test.ts",
  'POST /api/v1/me/second-factor/recovery-codes': "the caller's own login; modules/auth/second-factor.test.ts",
  'POST /api/v1/me/second-factor/disable': "the caller's own login; modules/auth/second-factor.test.ts",
  'GET /public/v1/municipalities': 'public; modules/public-register/public-register.test.ts',
  'GET /public/v1/systems': 'public; modules/public-register/public-register.test.ts',
};
