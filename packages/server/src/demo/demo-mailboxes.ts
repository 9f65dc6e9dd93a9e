import { randomUUID } from 'node:crypto';
import type { WatchFrequency } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { mailboxesRepository } from '../modules/privacy/bulk.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { createRandom } from './random.ts';

/** [local part, department key, purpose, how often watched, receives official documents]. */
type DemoMailbox = [string, string, string, WatchFrequency, boolean];

export const demoMailboxes: readonly DemoMailbox[] = [
  ['kommun', 'ks', 'Kommunens officiella e-postadress', 'several_daily', true],
  ['registrator', 'kansli', 'Inkommande handlingar till kommunstyrelsen och nämnderna', 'several_daily', true],
  ['kommunstyrelsen', 'kansli', 'Kommunstyrelsens ärenden och kallelser', 'daily', true],
  ['overformyndare', 'kansli', 'Överförmyndarens ärenden om gode män och förvaltare', 'daily', true],
  ['val', 'kansli', 'Frågor om allmänna val och röstmottagare', 'weekly', true],
  ['kontaktcenter', 'ks', 'Invånarnas frågor till kontaktcenter', 'several_daily', true],
  ['kommunikation', 'ks', 'Pressfrågor och kommunikation', 'daily', false],
  ['webb', 'ks', 'Synpunkter på webbplatsen', 'daily', false],
  ['ekonomi', 'ekonomi', 'Ekonomikontorets ärenden', 'daily', true],
  ['faktura', 'ekonomi', 'Leverantörsfakturor som pdf', 'daily', false],
  ['upphandling', 'ekonomi', 'Anbud och frågor om upphandlingar', 'daily', true],
  ['it-support', 'it', 'Felanmälan och beställningar till IT-enheten', 'several_daily', false],
  ['it-sakerhet', 'it', 'Incidenter och sårbarhetsrapporter', 'daily', false],
  ['lon', 'personal', 'Frågor om lön och ersättningar', 'daily', false],
  ['rekrytering', 'personal', 'Ansökningar och frågor om lediga tjänster', 'daily', false],
  ['personal', 'personal', 'Personalkontorets ärenden', 'daily', true],
  ['bou', 'bou', 'Barn- och utbildningsnämndens ärenden', 'daily', true],
  ['skolskjuts', 'bou', 'Ansökningar och frågor om skolskjuts', 'daily', false],
  ['forskolekon', 'forskola', 'Ansökan och placering i förskola', 'daily', true],
  ['grundskolan', 'grundskola', 'Grundskolans expedition', 'daily', false],
  ['elevhalsan', 'bou', 'Elevhälsans kontakter med vårdnadshavare', 'daily', true],
  ['gymnasiet', 'gymnasium', 'Gymnasieskolans expedition', 'daily', false],
  ['vuxenutbildning', 'gymnasium', 'Ansökningar till vuxenutbildningen', 'daily', false],
  ['syv', 'gymnasium', 'Studie- och yrkesvägledning', 'weekly', false],
  ['omsorg', 'omsorg', 'Omsorgsnämndens ärenden', 'daily', true],
  ['bistand', 'ifo', 'Ansökningar om bistånd inom äldreomsorgen', 'daily', true],
  ['socialtjanst', 'ifo', 'Orosanmälningar och kontakter med socialtjänsten', 'several_daily', true],
  ['ekonomisktbistand', 'ifo', 'Frågor om ekonomiskt bistånd', 'daily', true],
  ['hemtjanst', 'aldreomsorg', 'Hemtjänstens planering', 'daily', false],
  ['lss', 'funktionsstod', 'Ansökningar och frågor om LSS', 'daily', true],
  ['sbf', 'sbf', 'Samhällsbyggnadsnämndens ärenden', 'daily', true],
  ['bygglov', 'bygg', 'Bygglovsansökningar och anmälningar', 'daily', true],
  ['miljo', 'bygg', 'Miljö- och hälsoskydd, klagomål och anmälningar', 'daily', true],
  ['alkoholtillstand', 'bygg', 'Ansökningar om serveringstillstånd', 'weekly', true],
  ['va', 'teknik', 'Vatten och avlopp, abonnemang', 'daily', false],
  ['felanmalan', 'teknik', 'Felanmälan om gator, parker och belysning', 'several_daily', false],
  ['kultur', 'kultur', 'Kultur och fritid', 'daily', false],
  ['bibliotek', 'bibliotek', 'Bibliotekens låntagare', 'daily', false],
  ['foreningar', 'kultur', 'Föreningsbidrag och föreningsregister', 'weekly', false],
  ['raddningstjansten', 'raddning', 'Räddningstjänstens ärenden och tillsyn', 'daily', true],
];
export const demoMailboxDomain = 'tanum.demo';
/** The two saved without a deputy (ITP-8-MAILBOX fails for them), and the one whose responsible has left. */
export const demoMailboxesWithoutDeputy = ['val', 'syv'];
export const demoMailboxOfLeaver = 'overformyndare';

/**
 * Tanum's forty functional mailboxes (issue #16; ITP-8-MAILBOX): a responsible and one or two
 * deputies from the owning department, none of them a demo login (their to-do lists stay as
 * the browser tests expect). Draws from a random stream of its own, so earlier demo parts keep
 * their outcomes; returns how many it wrote.
 */
export async function loadDemoMailboxes(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  municipalityId: string,
  departmentIds: ReadonlyMap<string, string>,
): Promise<number> {
  const random = createRandom(1631);
  const now = clock.now().toISOString();
  const people = await transaction
    .selectFrom('people')
    .select(['id', 'department_id', 'employment_status'])
    .where('municipality_id', '=', municipalityId)
    .where('login_id', 'is', null)
    .orderBy('id')
    .execute();
  const active = people.filter((person) => person.employment_status === 'active');
  const leavers = people.filter((person) => person.employment_status === 'left');
  const pick = (departmentId: string, taken: string[]) => {
    const free = (list: typeof people) => list.filter((person) => !taken.includes(person.id));
    const local = free(active.filter((person) => person.department_id === departmentId));
    return random.pick(local.length > 0 ? local : free(active)).id;
  };

  for (const [localPart, departmentKey, purpose, watchFrequency, official] of demoMailboxes) {
    const id = randomUUID();
    const departmentId = departmentIds.get(departmentKey)!;
    const localLeavers = leavers.filter((person) => person.department_id === departmentId);
    const leaver = localPart === demoMailboxOfLeaver ? random.pick(localLeavers.length > 0 ? localLeavers : leavers)?.id : undefined;
    const responsiblePersonId = leaver ?? pick(departmentId, []);
    const deputyPersonIds: string[] = [];
    if (!demoMailboxesWithoutDeputy.includes(localPart)) {
      const count = random.chance(0.4) ? 2 : 1;
      while (deputyPersonIds.length < count) deputyPersonIds.push(pick(departmentId, [responsiblePersonId, ...deputyPersonIds]));
    }
    const values = {
      address: `${localPart}@${demoMailboxDomain}`,
      departmentId,
      purpose,
      responsiblePersonId,
      deputyPersonIds,
      watchFrequency,
      receivesOfficialDocuments: official,
    };
    await mailboxesRepository.insert(transaction, {
      id,
      municipality_id: municipalityId,
      address: values.address,
      department_id: departmentId,
      purpose,
      responsible_person_id: responsiblePersonId,
      watch_frequency: watchFrequency,
      receives_official_documents: official ? 1 : 0,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await mailboxesRepository.replaceDeputies(transaction, municipalityId, id, deputyPersonIds);
    await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'mailbox', entityId: id, after: values });
  }
  return demoMailboxes.length;
}
