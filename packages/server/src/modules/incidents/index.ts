/**
 * The incidents module's public entry (.dependency-cruiser.cjs): the incident log of the
 * Cybersecurity Act (issue #19), its three clocks, and the to-do entry while a report is owed.
 */
export { createIncidentsService, type IncidentsService } from './incidents.service.ts';
export { registerIncidentRoutes } from './incidents.routes.ts';
export { incidentTaskSource } from './incident-tasks.ts';
export { incidentDeadlines } from './incident-deadlines.ts';
