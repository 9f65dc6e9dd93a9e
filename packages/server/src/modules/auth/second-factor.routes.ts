import {
  problemSchema,
  recoveryCodesSchema,
  secondFactorConfirmSchema,
  secondFactorDisableSchema,
  secondFactorEnrolmentSchema,
  secondFactorRequirementSchema,
  secondFactorRequirementUpdateSchema,
  secondFactorStatusSchema,
} from '@forvalta/contracts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { SecondFactorService } from './second-factor.service.ts';

/** My second factor (ADR 0014), which a session that must enrol may reach, and the municipality's requirement per role. */
export function registerSecondFactorRoutes(app: ApiApp, service: SecondFactorService): void {
  const tags = ['Session'];
  // My own account: any logged-in person, also while they must enrol before anything else.
  const own = { permission: 'authenticated', beforeSecondFactor: true } as const;

  app.get(
    '/api/v1/me/second-factor',
    {
      schema: {
        tags,
        summary: 'Whether my login has a second factor, and whether a role of mine requires one',
        response: { 200: secondFactorStatusSchema, ...problemResponses },
      },
      config: own,
    },
    (request) => service.status(actorOf(request)),
  );

  app.post(
    '/api/v1/me/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret, shown this once as QR code and text',
        response: { 201: secondFactorEnrolmentSchema, ...writeProblemResponses },
      },
      config: own,
    },
    async (request, reply) => reply.status(201).send(await service.startEnrolment(actorOf(request), request.session ?? undefined)),
  );

  app.post(
    '/api/v1/me/second-factor/confirmation',
    {
      schema: {
        tags,
        summary: "Turn the second factor on with the app's first code; answers the ten recovery codes, shown this once",
        body: secondFactorConfirmSchema,
        response: { 200: recoveryCodesSchema, ...writeProblemResponses, 429: problemSchema },
      },
      config: own,
    },
    (request) => service.confirmEnrolment(actorOf(request), request.session ?? undefined, request.body, request.ip),
  );

  app.post(
    '/api/v1/me/second-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes with a current code from the app (the old ones stop working)',
        body: secondFactorConfirmSchema,
        response: { 200: recoveryCodesSchema, ...writeProblemResponses, 429: problemSchema },
      },
      config: own,
    },
    (request) => service.regenerateRecoveryCodes(actorOf(request), request.session ?? undefined, request.body, request.ip),
  );

  app.post(
    '/api/v1/me/second-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn the second factor off, with my current password and a code (or a recovery code)',
        body: secondFactorDisableSchema,
        response: { ...noContentResponse, ...writeProblemResponses, 429: problemSchema },
      },
      config: own,
    },
    async (request, reply) => {
      await service.disable(actorOf(request), request.session ?? undefined, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/second-factor-requirement',
    {
      schema: {
        tags: ['Organisation'],
        summary: 'The roles of this municipality that must log in with a second factor',
        response: { 200: secondFactorRequirementSchema, ...problemResponses },
      },
      config: { permission: service.getRequirement.permission },
    },
    async (request, reply) => {
      const requirement = await service.getRequirement(actorOf(request));
      setVersionTag(reply, requirement.version);
      return requirement;
    },
  );

  app.put(
    '/api/v1/second-factor-requirement',
    {
      schema: {
        tags: ['Organisation'],
        summary: 'Choose the roles that must log in with a second factor (If-Match required)',
        body: secondFactorRequirementUpdateSchema,
        response: { 200: secondFactorRequirementSchema, ...writeProblemResponses },
      },
      config: { permission: service.updateRequirement.permission },
    },
    async (request, reply) => {
      const requirement = await service.updateRequirement(actorOf(request), expectedVersion(request), request.body);
      setVersionTag(reply, requirement.version);
      return requirement;
    },
  );
}
