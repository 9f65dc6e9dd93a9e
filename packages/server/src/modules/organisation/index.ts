/**
 * The organisation module's public entry: municipalities, departments, people and their roles.
 * Other modules, the composition and the CLI import only this file (the dependency rule in
 * .dependency-cruiser.cjs enforces it); bulk loaders use bulk.ts.
 */
import { departmentsRepository } from './departments.repository.ts';
import { municipalitiesRepository } from './municipalities.repository.ts';
import { peopleRepository } from './people.repository.ts';

export { createDepartmentsService, type DepartmentsService } from './departments.service.ts';
export { registerDepartmentRoutes } from './departments.routes.ts';
export {
  createMunicipalitiesService,
  type InitialiseInput,
  type MunicipalitiesService,
  type MunicipalityStarters,
} from './municipalities.service.ts';
export { registerMunicipalityRoutes } from './municipalities.routes.ts';
export { type AccessEnders, createPeopleService, type PeopleService, type PersonArrivals, personActions } from './people.service.ts';
export { registerPeopleRoutes } from './people.routes.ts';
export { createRoleAssignmentsService, removeRolesOfPerson, type RoleAssignmentsService } from './role-assignments.service.ts';
export { registerRoleAssignmentRoutes } from './role-assignments.routes.ts';

/** Reads other modules make of the organisation, in the caller's executor (so inside its transaction). */
export const organisationReads = {
  listMunicipalities: municipalitiesRepository.listAll.bind(municipalitiesRepository),
  findMunicipalityByCode: municipalitiesRepository.findByCode.bind(municipalitiesRepository),
  municipalitiesOfLogin: municipalitiesRepository.listForLogin.bind(municipalitiesRepository),
  findLoginIdByEmail: peopleRepository.findLoginIdByEmail.bind(peopleRepository),
  findPerson: peopleRepository.findById.bind(peopleRepository),
  findPersonIdByEmail: peopleRepository.findIdByEmail.bind(peopleRepository),
  findDepartmentIdsByName: departmentsRepository.findIdsByName.bind(departmentsRepository),
};
