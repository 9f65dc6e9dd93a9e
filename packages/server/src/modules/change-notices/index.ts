/** The change-notices module's public entry: notices of changes to the IT unit's queue (.dependency-cruiser.cjs). */
import { changeNoticesRepository } from './change-notices.repository.ts';

export { createChangeNoticesService, type ChangeNoticesService } from './change-notices.service.ts';
export { registerChangeNoticeRoutes } from './change-notices.routes.ts';

/** In the deleting transaction of a system: its notices stay in the IT unit's history without naming it (SystemDependents). */
export const detachNoticesFromSystem = changeNoticesRepository.detachSystem.bind(changeNoticesRepository);
