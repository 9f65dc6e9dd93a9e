import { dutyListSchema, dutySchema, dutyUpdateSchema, idParamsSchema, systemDutyParamsSchema } from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { SystemDutiesService } from './system-duties.service.ts';

const tags = ['System register'];

/** The manager's duties of a system: list, record and confirm (registered by registerSystemRoutes). */
export function registerSystemDutyRoutes(app: ApiApp, duties: SystemDutiesService): void {
  app.get(
    '/api/v1/systems/:id/duties',
    {
      schema: {
        tags,
        summary: 'The eight duties of the system manager (§4.2.3)',
        params: idParamsSchema,
        response: { 200: dutyListSchema, ...problemResponses },
      },
      config: { permission: duties.listDuties.permission },
    },
    (request) => duties.listDuties(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/systems/:id/duties/:duty',
    {
      schema: {
        tags,
        summary: 'Record and confirm a duty (If-Match required)',
        params: systemDutyParamsSchema,
        body: dutyUpdateSchema,
        response: { 200: dutySchema, ...writeProblemResponses },
      },
      config: { permission: duties.updateDuty.permission },
    },
    async (request, reply) => {
      const duty = await duties.updateDuty(
        actorOf(request),
        request.params.id,
        request.params.duty,
        expectedVersion(request),
        request.body,
      );
      setVersionTag(reply, duty.version);
      return duty;
    },
  );
}
