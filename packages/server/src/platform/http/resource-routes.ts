import { idParamsSchema } from '@forvalta/contracts';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { UseCase } from '../../access/use-case.ts';
import { noContentResponse, problemResponses, writeProblemResponses, type ApiApp } from './api-app.ts';
import { actorOf } from './authentication.ts';
import { expectedVersion, setVersionTag, type ExpectedVersion } from './versioning.ts';

type Versioned = { version: number };

/**
 * The standard routes of a versioned resource (list, get, create, update, delete), so every module
 * gets the same paging, ETag, If-Match and error behaviour. A module passes its contracts and
 * service methods; anything that is not plain CRUD (actions, sub-resources) it registers itself.
 */
export interface ResourceRoutes<
  ListQuery extends z.ZodType,
  ListResponse extends z.ZodType,
  Item extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
> {
  path: string;
  tag: string;
  noun: string;
  schemas: { listQuery: ListQuery; list: ListResponse; item: Item; create?: Create; update?: Update };
  // Each route declares the permission of the use case it calls (access/use-case.ts): no second list.
  list: UseCase<[query: z.output<ListQuery>], z.input<ListResponse>>;
  get: UseCase<[id: string], z.input<Item> & Versioned>;
  create?: UseCase<[body: z.output<Create>], z.input<Item> & Versioned>;
  update?: UseCase<[id: string, version: ExpectedVersion, body: z.output<Update>], z.input<Item> & Versioned>;
  remove?: UseCase<[id: string, version: ExpectedVersion], void>;
}

export function registerResourceRoutes<
  ListQuery extends z.ZodType,
  ListResponse extends z.ZodType,
  Item extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(app: ApiApp, resource: ResourceRoutes<ListQuery, ListResponse, Item, Create, Update>): void {
  const { path, noun, schemas } = resource;
  // The contracts validate and serialise at run time; the generic types above keep the services
  // honest, so the handlers below register on the untyped instance.
  const routes = app as unknown as FastifyInstance;
  const idOf = (params: unknown) => (params as { id: string }).id;
  const tags = [resource.tag];
  const itemPath = `${path}/:id`;

  routes.get(
    path,
    {
      schema: { tags, summary: `List ${noun}s`, querystring: schemas.listQuery, response: { 200: schemas.list, ...problemResponses } },
      config: { permission: resource.list.permission },
    },
    (request) => resource.list(actorOf(request), request.query as z.output<ListQuery>),
  );

  routes.get(
    itemPath,
    {
      schema: { tags, summary: `Get a ${noun}`, params: idParamsSchema, response: { 200: schemas.item, ...problemResponses } },
      config: { permission: resource.get.permission },
    },
    async (request, reply) => {
      const item = await resource.get(actorOf(request), idOf(request.params));
      setVersionTag(reply, item.version);
      return item;
    },
  );

  const { create, update, remove } = resource;
  if (create && schemas.create) {
    routes.post(
      path,
      {
        schema: { tags, summary: `Create a ${noun}`, body: schemas.create, response: { 201: schemas.item, ...writeProblemResponses } },
        config: { permission: create.permission },
      },
      async (request, reply) => {
        const item = await create(actorOf(request), request.body as z.output<Create>);
        setVersionTag(reply, item.version);
        return reply.status(201).send(item);
      },
    );
  }

  if (update && schemas.update) {
    routes.patch(
      itemPath,
      {
        schema: {
          tags,
          summary: `Update a ${noun} (If-Match required)`,
          params: idParamsSchema,
          body: schemas.update,
          response: { 200: schemas.item, ...writeProblemResponses },
        },
        config: { permission: update.permission },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const item = await update(actor, idOf(request.params), expectedVersion(request), request.body as z.output<Update>);
        setVersionTag(reply, item.version);
        return item;
      },
    );
  }

  if (remove) {
    routes.delete(
      itemPath,
      {
        schema: {
          tags,
          summary: `Delete a ${noun} (If-Match required)`,
          params: idParamsSchema,
          response: { ...noContentResponse, ...writeProblemResponses },
        },
        config: { permission: remove.permission },
      },
      async (request, reply) => {
        await remove(actorOf(request), idOf(request.params), expectedVersion(request));
        return reply.status(204).send(null);
      },
    );
  }
}
