import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

/**
 * A course's `can.update` and an attendance's `can.record` say what the write then allows, for
 * every kind of caller and every topic: 2xx when true, 403 when false. The expected flags are
 * spelled out too, so a `can` that is always false and writes that always refuse cannot pass.
 */
describe('training records’ can is what their writes allow', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let systemId: string;
  let care: string;
  const callers: Record<string, TestUser> = {};
  // Who may manage a course of each topic (update), by caller.
  const manages: Record<string, Record<string, boolean>> = {
    it_security_and_networks: {
      administrator: true,
      itUnit: true,
      itChief: true,
      secretariat: false,
      headOfCare: false,
      headOfSchool: false,
      trainer: false,
    },
    data_protection_and_public_access: {
      administrator: true,
      itUnit: false,
      itChief: false,
      secretariat: true,
      headOfCare: false,
      headOfSchool: false,
      trainer: false,
    },
    system: {
      administrator: true,
      itUnit: false,
      itChief: false,
      secretariat: false,
      headOfCare: true,
      headOfSchool: false,
      trainer: false,
    },
  };
  const creators: Record<string, string> = {
    it_security_and_networks: 'itUnit',
    data_protection_and_public_access: 'secretariat',
    system: 'headOfCare',
  };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    const school = (await make.department(tanum, 'Barn- och utbildning')).id;
    systemId = (await systemFactories(context).system(tanum, care, { name: 'Treserva' })).id;
    callers.administrator = { ...tanum.admin };
    callers.itUnit = await make.user(tanum, 'it_unit');
    callers.itChief = await make.user(tanum, 'it_chief');
    callers.secretariat = await make.user(tanum, 'secretariat');
    callers.headOfCare = await make.user(tanum, 'department_head', care);
    callers.headOfSchool = await make.user(tanum, 'department_head', school);
    callers.trainer = await make.user(tanum, 'employee', care);
  });
  afterAll(() => context.close());

  for (const topic of Object.keys(manages)) {
    for (const name of Object.keys(manages[topic]!)) {
      it(`holds for the ${name} on a course of ${topic}`, async () => {
        const creator = callers[creators[topic]!]!;
        const course = expectStatus(
          await send(context, 'POST', '/api/v1/courses', {
            headers: creator.authorization,
            body: { title: `Kurs ${name}`, topic, ...(topic === 'system' ? { systemId } : {}) },
          }),
          201,
        );
        const user = callers[name]!;
        const read = expectStatus(await send(context, 'GET', `/api/v1/courses/${course.id}`, { headers: user.authorization }), 200);
        expect(read.can.update).toBe(manages[topic]![name]);
        const written = await send(context, 'PATCH', `/api/v1/courses/${course.id}`, {
          headers: user.authorization,
          ifMatch: read.version,
          body: { description: 'Ny beskrivning' },
        });
        expectWriteAsCanSays(read.can.update, written, `${name} update ${topic}`);
      });
    }
  }

  for (const name of ['administrator', 'trainer', 'itUnit', 'headOfCare']) {
    it(`holds for the ${name} taking attendance`, async () => {
      const owner = callers.headOfCare!;
      const course = expectStatus(
        await send(context, 'POST', '/api/v1/courses', {
          headers: owner.authorization,
          body: { title: 'Treserva', topic: 'system', systemId },
        }),
        201,
      );
      const session = expectStatus(
        await send(context, 'POST', '/api/v1/training-sessions', {
          headers: owner.authorization,
          body: {
            courseId: course.id,
            startsAt: '2026-11-28T08:00:00Z',
            endsAt: '2026-11-28T09:00:00Z',
            trainerPersonId: callers.trainer!.personId,
          },
        }),
        201,
      );
      const person = await factories(context).person(tanum, care);
      const [registered] = expectStatus(
        await send(context, 'POST', `/api/v1/training-sessions/${session.id}/attendances`, {
          headers: owner.authorization,
          body: { personIds: [person.id] },
        }),
        201,
      ).items;
      const user = callers[name]!;
      const list = await send(context, 'GET', `/api/v1/training-sessions/${session.id}/attendances`, { headers: user.authorization });
      const can = list.statusCode === 200 ? list.json().items[0].can.record : false;
      expect(can).toBe(name === 'administrator' || name === 'trainer');
      const recorded = await send(context, 'PATCH', `/api/v1/training-attendances/${registered.id}`, {
        headers: user.authorization,
        ifMatch: 1,
        body: { status: 'attended' },
      });
      expectWriteAsCanSays(can, recorded, `${name} record`);
    });
  }
});
