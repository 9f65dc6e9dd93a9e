import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { testDialect } from '../../../test/test-database.ts';
import { backstageLifecycles, catalogName, uniqueNames } from './backstage-entities.ts';

/** Backstage's own checks, as its catalog runs them on every entity it reads (@backstage/catalog-model). */
const policies = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);
const validators: Record<string, { check(entity: Entity): Promise<boolean> }> = {
  Group: groupEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
  Component: componentEntityV1alpha1Validator,
  API: apiEntityV1alpha1Validator,
};

describe(`GET /api/v1/systems/export?format=backstage (${testDialect()})`, () => {
  let context: TestContext;
  let kommun: TestMunicipality;
  let other: TestMunicipality;
  let entities: Entity[];
  let ekonomiCareId: string;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    kommun = await make.municipality('Katalogkommun');
    other = await make.municipality('Grannkommun');
    const register = systemFactories(context);
    const care = await make.department(kommun, 'Vård och omsorg');
    const school = await make.department(kommun, 'Barn- och utbildningsförvaltningen');
    const schoolUnit = await make.department(kommun, 'Förskolan Ängen', school.id);
    const manager = await make.person(kommun, care.id);
    const deputy = await make.person(kommun, care.id);
    const procapita = await register.system(kommun, care.id, {
      name: 'Procapita (ÄO)',
      lifecycle: 'planned',
      description: 'Verksamhetssystem för äldreomsorgen',
    });
    // The same name in two departments: two entities, two names.
    const ekonomiCare = await register.system(kommun, care.id, { name: 'Ekonomi', lifecycle: 'planned' });
    ekonomiCareId = ekonomiCare.id;
    await register.system(kommun, schoolUnit.id, { name: 'Ekonomi', lifecycle: 'planned' });
    await register.appoint(kommun, procapita.id, manager.id, 'manager');
    await register.appoint(kommun, procapita.id, deputy.id, 'deputy');
    for (const method of ['api', 'file']) {
      const response = await send(context, 'POST', '/api/v1/integrations', {
        headers: kommun.admin.authorization,
        body: {
          providerSystemId: procapita.id,
          consumerSystemId: ekonomiCare.id,
          method,
          frequency: 'daily',
          description: `Fakturaunderlag (${method})`,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const othersDepartment = await make.department(other, 'Grannens förvaltning');
    await register.system(other, othersDepartment.id, { name: 'Grannsystemet' });

    const response = await send(context, 'GET', '/api/v1/systems/export?format=backstage', { headers: kommun.admin.authorization });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('catalog-info.yaml');
    entities = parseAllDocuments(response.body).map((document) => document.toJS() as Entity);
  });
  afterAll(() => context.close());

  it("passes Backstage's validators and policies, in the default namespace, with names unique per kind", async () => {
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) {
      await expect(policies.enforce(entity), `${entity.kind} ${entity.metadata.name}`).resolves.toBeDefined();
      expect(await validators[entity.kind]!.check(entity), `${entity.kind} ${entity.metadata.name}`).toBe(true);
      expect(entity.metadata.namespace).toBe('default');
    }
    const references = entities.map((entity) => `${entity.kind}:${entity.metadata.name}`);
    expect(new Set(references).size).toBe(references.length);
    expect(
      entities
        .filter((entity) => entity.kind === 'Component')
        .map((entity) => entity.metadata.name)
        .sort(),
    ).toEqual(['ekonomi', 'ekonomi-2', 'procapita-ao']);
    expect(JSON.stringify(entities)).not.toContain('Grannsystemet');
  });

  it('owns each system by its department Group, maps the lifecycle, and names the integrations and stewards', () => {
    const byReference = new Map(entities.map((entity) => [`${entity.kind.toLowerCase()}:default/${entity.metadata.name}`, entity]));
    const procapita = byReference.get('component:default/procapita-ao')!;
    expect(procapita.spec).toMatchObject({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/vard-och-omsorg',
      system: 'system:default/procapita-ao',
    });
    expect(procapita.spec!.providesApis).toEqual(['api:default/procapita-ao-api']);
    expect(procapita.metadata.annotations!['forvalta.se/manager']).toMatch(/^Per Person .+ <person-.+@example\.se>$/);
    expect(procapita.metadata.annotations!['forvalta.se/deputies']).toMatch(/<person-.+@example\.se>$/);
    const components = entities.filter((entity) => entity.kind === 'Component');
    const ekonomi = components.find((entity) => entity.metadata.annotations!['forvalta.se/system-id'] === ekonomiCareId)!;
    expect(ekonomi.spec).toMatchObject({
      lifecycle: 'experimental',
      dependsOn: ['component:default/procapita-ao'],
      consumesApis: ['api:default/procapita-ao-api'],
    });
    const schools = components.find((entity) => entity.spec!.owner === 'group:default/forskolan-angen')!;
    expect(schools.spec).toMatchObject({ lifecycle: 'experimental' });
    expect(schools.metadata.name).not.toBe(ekonomi.metadata.name);
    for (const entity of entities.filter((candidate) => candidate.spec && typeof candidate.spec.owner === 'string')) {
      expect(byReference.get(entity.spec!.owner as string)?.kind, `${entity.metadata.name} owner`).toBe('Group');
    }
    expect(byReference.get('group:default/forskolan-angen')!.spec).toMatchObject({
      type: 'department',
      parent: 'group:default/barn-och-utbildningsforvaltningen',
    });
    expect(byReference.get('api:default/procapita-ao-api')!.spec!.definition).toContain('Fakturaunderlag (api)');
  });

  it('refuses anyone not signed in', async () => {
    expectProblem(await send(context, 'GET', '/api/v1/systems/export?format=backstage'), 401, 'unauthenticated');
  });
});

describe('catalog names', () => {
  it("map the register's lifecycles to Backstage's", () => {
    expect(backstageLifecycles).toEqual({
      planned: 'experimental',
      introducing: 'experimental',
      in_production: 'production',
      retiring: 'deprecated',
      retired: 'deprecated',
    });
  });

  it('are valid Backstage names, marks removed, at most 63 characters, and made unique', () => {
    expect(catalogName('Förskolan Ängen – Årsplan!')).toBe('forskolan-angen-arsplan');
    expect(catalogName('***')).toBe('namnlos');
    expect(catalogName('x'.repeat(80))).toHaveLength(63);
    const items = ['Ekonomi', 'ekonomi', 'EKONOMI', 'y'.repeat(70), 'y'.repeat(70)].map((name) => ({ name }));
    const names = uniqueNames(items, (item) => item.name);
    expect([...names.values()]).toEqual(['ekonomi', 'ekonomi-2', 'ekonomi-3', 'y'.repeat(63), `${'y'.repeat(61)}-2`]);
  });
});
