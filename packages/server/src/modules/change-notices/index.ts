/** The change-notices module's public entry: notices of changes to the IT unit's queue (.dependency-cruiser.cjs). */
import { changeNoticesRepository } from './change-notices.repository.ts';

export { createChangeNoticesService, type ChangeNoticesService } from './change-notices.service.ts';
export { registerChangeNoticeRoutes } from './change-notices.routes.ts';

/** In the deleting transaction of a system: its notices stay in the IT unit's history without naming it (SystemDependents). */
export const detachNoticesFromSystem = changeNoticesRepository.detachSystem.bind(changeNoticesRepository);

/** The register's responsibility-change listener (SystemDependents): the notice, written in the change's transaction (ADR 0004). */
export { responsibilityNoticeWriter } from './change-notice-outbox.ts';

/** The to-do list's acknowledgements for the IT unit's roles (issue #13). */
export { changeNoticeTaskSource } from './change-notice-tasks.ts';
