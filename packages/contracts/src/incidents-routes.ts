/** The routes of the incident log (issue #19), spread into the route map (routes.ts) the web client is typed from. */
import type { RouteContract } from './routes.ts';
import {
  incidentCreateSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentReportCreateSchema,
  incidentSchema,
  incidentUpdateSchema,
} from './incidents.ts';

export const incidentRoutes = {
  'GET /api/v1/incidents': { query: incidentListQuerySchema, status: 200, response: incidentListSchema },
  'GET /api/v1/incidents/:id': { status: 200, response: incidentSchema },
  'POST /api/v1/incidents': { body: incidentCreateSchema, status: 201, response: incidentSchema },
  'PATCH /api/v1/incidents/:id': { body: incidentUpdateSchema, status: 200, response: incidentSchema },
  'POST /api/v1/incidents/:id/reports': { body: incidentReportCreateSchema, status: 201, response: incidentSchema },
} as const satisfies Record<string, RouteContract>;
