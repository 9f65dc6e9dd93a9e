import {
  budgetInputSchema,
  budgetRevisionListSchema,
  checkpointCreateSchema,
  checkpointListSchema,
  checkpointSchema,
  complianceAnalysisUpdateSchema,
  idParamsSchema,
  projectActionBodySchema,
  projectApproveSchema,
  projectCreateSchema,
  projectListQuerySchema,
  projectListSchema,
  projectRejectSchema,
  projectSchema,
  projectUpdateSchema,
  type Project,
} from '@forvalta/contracts';
import type { FastifyReply } from 'fastify';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { ProjectActionsService } from './project-actions.service.ts';
import type { ProjectsService } from './projects.service.ts';

const tags = ['Introductions and upgrades'];

export interface ProjectRouteServices {
  projects: ProjectsService;
  actions: ProjectActionsService;
}

function withTag(reply: FastifyReply, project: Project) {
  setVersionTag(reply, project.version);
  return project;
}

export function registerProjectRoutes(app: ApiApp, { projects, actions }: ProjectRouteServices): void {
  registerResourceRoutes(app, {
    path: '/api/v1/projects',
    tag: tags[0]!,
    noun: 'project',
    schemas: {
      listQuery: projectListQuerySchema,
      list: projectListSchema,
      item: projectSchema,
      create: projectCreateSchema,
      update: projectUpdateSchema,
    },
    list: projects.listProjects,
    get: projects.getProject,
    create: projects.createProject,
    update: projects.updateProject,
  });

  const write = { 200: projectSchema, ...writeProblemResponses };

  app.put(
    '/api/v1/projects/:id/budget',
    {
      schema: {
        tags,
        summary: 'Revise the budget: stores a new revision, keeping every earlier one (If-Match required)',
        params: idParamsSchema,
        body: budgetInputSchema,
        response: write,
      },
      config: { permission: projects.reviseBudget.permission },
    },
    async (request, reply) =>
      withTag(reply, await projects.reviseBudget(actorOf(request), request.params.id, expectedVersion(request), request.body)),
  );

  app.get(
    '/api/v1/projects/:id/budget/revisions',
    {
      schema: {
        tags,
        summary: 'Every budget revision, newest first, with totals',
        params: idParamsSchema,
        response: { 200: budgetRevisionListSchema, ...problemResponses },
      },
      config: { permission: projects.listBudgetRevisions.permission },
    },
    (request) => projects.listBudgetRevisions(actorOf(request), request.params.id),
  );

  app.put(
    '/api/v1/projects/:id/compliance-analysis',
    {
      schema: {
        tags,
        summary: 'Judge items of the compliance analysis (ITP-4.2.1-COMPLIANCE; If-Match required)',
        params: idParamsSchema,
        body: complianceAnalysisUpdateSchema,
        response: write,
      },
      config: { permission: projects.updateComplianceAnalysis.permission },
    },
    async (request, reply) =>
      withTag(reply, await projects.updateComplianceAnalysis(actorOf(request), request.params.id, expectedVersion(request), request.body)),
  );

  app.get(
    '/api/v1/projects/:id/checkpoints',
    {
      schema: {
        tags,
        summary: 'Checkpoints with the IT unit',
        params: idParamsSchema,
        response: { 200: checkpointListSchema, ...problemResponses },
      },
      config: { permission: projects.listCheckpoints.permission },
    },
    (request) => projects.listCheckpoints(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/projects/:id/checkpoints',
    {
      schema: {
        tags,
        summary: 'Record a checkpoint with the IT unit',
        params: idParamsSchema,
        body: checkpointCreateSchema,
        response: { 201: checkpointSchema, ...writeProblemResponses },
      },
      config: { permission: projects.createCheckpoint.permission },
    },
    async (request, reply) => {
      const checkpoint = await projects.createCheckpoint(actorOf(request), request.params.id, request.body);
      setVersionTag(reply, checkpoint.version);
      return reply.status(201).send(checkpoint);
    },
  );

  const simpleActions = [
    ['start', 'Start preparing the project (draft → in preparation)', actions.startProject],
    ['submit', 'Submit for operational approval; refused with every missing piece and its clause (422)', actions.submitProject],
    ['reopen', 'Rework a rejected project (rejected → in preparation)', actions.reopenProject],
    ['close', 'Close an approved or rejected project', actions.closeProject],
  ] as const;
  for (const [action, summary, run] of simpleActions) {
    app.post(
      `/api/v1/projects/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${summary} (If-Match required)`,
          params: idParamsSchema,
          body: projectActionBodySchema.nullish(),
          response: write,
        },
        config: { permission: run.permission },
      },
      async (request, reply) => withTag(reply, await run(actorOf(request), request.params.id, expectedVersion(request))),
    );
  }

  app.post(
    '/api/v1/projects/:id/approve',
    {
      schema: {
        tags,
        summary: 'Give the operational approval (driftgodkännande; IT unit or IT chief only; If-Match required)',
        params: idParamsSchema,
        body: projectApproveSchema,
        response: write,
      },
      config: { permission: actions.approveProject.permission },
    },
    async (request, reply) =>
      withTag(reply, await actions.approveProject(actorOf(request), request.params.id, expectedVersion(request), request.body)),
  );

  app.post(
    '/api/v1/projects/:id/reject',
    {
      schema: {
        tags,
        summary: 'Refuse the operational approval (IT unit or IT chief only; If-Match required)',
        params: idParamsSchema,
        body: projectRejectSchema,
        response: write,
      },
      config: { permission: actions.rejectProject.permission },
    },
    async (request, reply) =>
      withTag(reply, await actions.rejectProject(actorOf(request), request.params.id, expectedVersion(request), request.body)),
  );
}
