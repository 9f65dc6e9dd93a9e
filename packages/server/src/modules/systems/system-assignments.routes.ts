import {
  assignmentCreateSchema,
  assignmentListQuerySchema,
  assignmentListSchema,
  assignmentSchema,
  assignmentUpdateSchema,
  idParamsSchema,
  systemAssignmentParamsSchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { SystemAssignmentsService } from './system-assignments.service.ts';

const tags = ['System register'];

/** A system's managers and deputies: list, appoint, end or change (registered by registerSystemRoutes). */
export function registerSystemAssignmentRoutes(app: ApiApp, assignments: SystemAssignmentsService): void {
  app.get(
    '/api/v1/systems/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Managers and deputies (current, or all with includeEnded=true)',
        params: idParamsSchema,
        querystring: assignmentListQuerySchema,
        response: { 200: assignmentListSchema, ...problemResponses },
      },
      config: { permission: assignments.listAssignments.permission },
    },
    (request) => assignments.listAssignments(actorOf(request), request.params.id, request.query.includeEnded ?? false),
  );

  app.post(
    '/api/v1/systems/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Appoint a manager or deputy; a new manager takes over from the previous one',
        params: idParamsSchema,
        body: assignmentCreateSchema,
        response: { 201: assignmentSchema, ...writeProblemResponses },
      },
      config: { permission: assignments.createAssignment.permission },
    },
    async (request, reply) => {
      const assignment = await assignments.createAssignment(actorOf(request), request.params.id, request.body);
      setVersionTag(reply, assignment.version);
      return reply.status(201).send(assignment);
    },
  );

  app.patch(
    '/api/v1/systems/:id/assignments/:assignmentId',
    {
      schema: {
        tags,
        summary: 'End an assignment or change its allotted time (If-Match required)',
        params: systemAssignmentParamsSchema,
        body: assignmentUpdateSchema,
        response: { 200: assignmentSchema, ...writeProblemResponses },
      },
      config: { permission: assignments.updateAssignment.permission },
    },
    async (request, reply) => {
      const assignment = await assignments.updateAssignment(
        actorOf(request),
        request.params.id,
        request.params.assignmentId,
        expectedVersion(request),
        request.body,
      );
      setVersionTag(reply, assignment.version);
      return assignment;
    },
  );
}
