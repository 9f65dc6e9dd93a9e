import { randomUUID } from 'node:crypto';
import type { DocumentKind, Role } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { documentsRepository, documentVersionsRepository, nextReviewDateOf } from '../modules/documents/bulk.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { searchText, swedishSortKey } from '../platform/text.ts';
import { tanumPolicyPack } from '../policy/index.ts';

const day = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** The sections of the IT security guidelines; the first four were in the guidelines of 2003. */
export const demoGuidelineSections: Array<[string, string, string]> = [
  [
    '1',
    'Informationsklassning',
    'All information klassas efter konfidentialitet, riktighet och tillgänglighet innan den förs in i ett system.',
  ],
  [
    '2',
    'Behörighetsstyrning och inloggning',
    'Behörigheter ges efter arbetsuppgift och tas bort när uppgiften upphör. Inloggning sker med personlig identitet.',
  ],
  ['3', 'Loggning och spårbarhet', 'System som behandlar känsliga uppgifter loggar vem som läst och ändrat vad. Loggarna följs upp.'],
  ['4', 'Säkerhetskopiering och återläsning', 'Verksamhetssystem säkerhetskopieras dagligen och återläsning provas minst en gång om året.'],
  ['5', 'Kontinuitet och reservrutiner', 'Varje verksamhetssystem har en reservrutin för när systemet inte kan användas.'],
  [
    '6',
    'Leverantörer, avtal och personuppgiftsbiträden',
    'Avtal med leverantörer reglerar säkerhet, och personuppgiftsbiträdesavtal finns där det krävs.',
  ],
];

/** The IT policy as the pack quotes it, section by section (tanum/it-policy-2002.sv.txt). */
function itPolicyText(): string {
  const sections = new Map<string, string[]>();
  for (const clause of tanumPolicyPack.clauses) {
    const texts = sections.get(clause.section) ?? [];
    if (!texts.includes(clause.textSv)) texts.push(clause.textSv);
    sections.set(clause.section, texts);
  }
  const heading = `# ${tanumPolicyPack.document.title}\n\nAntagen av ${tanumPolicyPack.document.adoptedBy} den 18 december 2002.`;
  return [heading, ...[...sections].map(([section, texts]) => `## ${section}\n\n${texts.join('\n\n')}`)].join('\n\n');
}

interface DemoVersion {
  state: 'adopted' | 'superseded' | 'in_review' | 'draft';
  adoptedBy?: string;
  decisionDate?: string;
  decisionReference?: string;
  changeSummary: string;
  editorial?: boolean;
  text: string | null;
  /** Indexes into demoGuidelineSections. */
  sections?: number[];
}

interface DemoDocument {
  kind: DocumentKind;
  title: string;
  description: string;
  ownerRole: Role;
  ownerBody: string;
  reviewIntervalMonths: number;
  requiresAcknowledgement: boolean;
  policyPack?: true;
  versions: DemoVersion[];
}

function demoDocuments(now: Date): DemoDocument[] {
  const policy = itPolicyText();
  return [
    {
      kind: 'it_policy',
      title: 'IT-policy för Tanums kommun',
      description: 'Kommunens övergripande IT-policy. Ska utvärderas och revideras minst vart tredje år (§ 13).',
      ownerRole: 'administrator',
      ownerBody: 'Kommunstyrelsen',
      reviewIntervalMonths: 36,
      requiresAcknowledgement: true,
      policyPack: true,
      versions: [
        {
          state: 'adopted',
          adoptedBy: 'Kommunstyrelsen',
          decisionDate: '2002-12-18',
          decisionReference: tanumPolicyPack.document.decisionReference,
          changeSummary: 'Första IT-policyn för Tanums kommun.',
          text: policy,
        },
        {
          state: 'in_review',
          changeSummary: 'Revidering 2026: dataskyddsförordningen ersätter personuppgiftslagen, e-post och internet enligt dagens regler.',
          text: policy
            .replace('Personuppgiftslagen (PUL)', 'dataskyddsförordningen (GDPR) och dataskyddslagen (2018:218)')
            .replace('Personuppgiftslag och Offentlighetslagstiftning', 'dataskyddsförordningen och offentlighets- och sekretesslagen'),
        },
      ],
    },
    {
      kind: 'security_guidelines',
      title: 'Riktlinjer för IT-säkerhet',
      description: 'Riktlinjer för IT-säkerhet i Tanums kommun. Varje avsnitt bedöms i införandeprojektens överensstämmelseanalys.',
      ownerRole: 'it_chief',
      ownerBody: 'IT-chefen',
      reviewIntervalMonths: 36,
      requiresAcknowledgement: true,
      versions: [
        {
          state: 'superseded',
          adoptedBy: 'Kommunstyrelsen',
          decisionDate: '2003-03-12',
          decisionReference: 'KS 2003-03-12 § 41',
          changeSummary: 'Första riktlinjerna för IT-säkerhet.',
          text: 'Riktlinjer för IT-säkerhet i Tanums kommun.\n\nRiktlinjerna gäller alla som använder kommunens IT-system.',
          sections: [0, 1, 2, 3],
        },
        {
          state: 'adopted',
          adoptedBy: 'IT-chefen',
          decisionDate: day(now, 560),
          decisionReference: 'Dnr KS 2024/118',
          changeSummary: 'Nya avsnitt om kontinuitet och om leverantörer och personuppgiftsbiträden.',
          text: 'Riktlinjer för IT-säkerhet i Tanums kommun.\n\nRiktlinjerna gäller alla som använder kommunens IT-system, även konsulter och leverantörer.',
          sections: [0, 1, 2, 3, 4, 5],
        },
      ],
    },
    {
      kind: 'infrastructure_programme',
      title: 'IT-infrastrukturprogram för Tanums kommun',
      description: 'Planering för ett generellt bredband för företag, privatpersoner och organisationer i kommunen.',
      ownerRole: 'it_chief',
      ownerBody: 'Kommunstyrelsen',
      reviewIntervalMonths: 36,
      requiresAcknowledgement: false,
      versions: [
        {
          state: 'adopted',
          adoptedBy: 'Kommunstyrelsen',
          decisionDate: '2001-11-28',
          decisionReference: 'KS 2001-11-28',
          changeSummary: 'Programmet antaget.',
          text: 'IT-infrastrukturprogram för Tanums kommun.\n\nMål: bredband till alla tätorter och till företag på landsbygden.',
        },
      ],
    },
    {
      kind: 'operations_instruction',
      title: 'Driftinstruktion för kommunens IT-miljö',
      description: 'IT-chefens instruktion för drift, säkerhetskopiering och incidenter. Granskas varje år.',
      ownerRole: 'it_chief',
      ownerBody: 'IT-chefen',
      reviewIntervalMonths: 12,
      requiresAcknowledgement: false,
      versions: [
        {
          state: 'superseded',
          adoptedBy: 'IT-chefen',
          decisionDate: day(now, 640),
          changeSummary: 'Första samlade driftinstruktionen.',
          text: 'Säkerhetskopiering sker varje natt.\nIncidenter anmäls till IT-enhetens servicedesk.\nServrar uppdateras månadsvis.',
        },
        {
          state: 'adopted',
          adoptedBy: 'IT-chefen',
          decisionDate: day(now, 230),
          changeSummary: 'Återläsning provas varje kvartal; uppdateringar veckovis.',
          text: 'Säkerhetskopiering sker varje natt.\nÅterläsning provas varje kvartal.\nIncidenter anmäls till IT-enhetens servicedesk.\nServrar uppdateras veckovis.',
        },
      ],
    },
    {
      kind: 'email_rules',
      title: 'Regler för e-post',
      description: 'Hur e-post används och bevakas; inkommen e-post är allmän handling (§ 9).',
      ownerRole: 'secretariat',
      ownerBody: 'Kommunkansliet',
      reviewIntervalMonths: 36,
      requiresAcknowledgement: true,
      versions: [
        {
          state: 'superseded',
          adoptedBy: 'Kanslichefen',
          decisionDate: '2004-02-10',
          changeSummary: 'Första reglerna för e-post.',
          text: 'E-post till kommunen diarieförs när den är allmän handling.\nFunktionsbrevlådor bevakas varje arbetsdag.',
        },
        {
          state: 'adopted',
          adoptedBy: 'Kanslichefen',
          decisionDate: day(now, 410),
          changeSummary: 'Ny adress till registrator; ordalydelsen förtydligad.',
          editorial: true,
          text: 'E-post till kommunen diarieförs när den är allmän handling. Skicka den till registrator@tanum.se.\nFunktionsbrevlådor bevakas varje arbetsdag.',
        },
      ],
    },
    {
      kind: 'internet_use',
      title: 'Regler för användning av internet',
      description: 'Kommunens internetförbindelse används i tjänsten; privat användning i begränsad omfattning (§ 10).',
      ownerRole: 'secretariat',
      ownerBody: 'Kommunstyrelsen',
      reviewIntervalMonths: 36,
      requiresAcknowledgement: true,
      versions: [
        {
          state: 'adopted',
          adoptedBy: 'Kommunstyrelsen',
          decisionDate: '2003-01-20',
          decisionReference: 'KS 2003-01-20 § 9',
          changeSummary: 'Reglerna antagna.',
          text: 'Internetförbindelsen används i tjänsten. Privat användning får ske i begränsad omfattning och aldrig för olagligt eller olämpligt innehåll.',
        },
      ],
    },
  ];
}

/**
 * The policy documents of the demo (issue #13): Tanum's IT policy (adopted by KS 2002-12-18, long
 * past its three-year review, a revision in review), the security guidelines with their sections,
 * the infrastructure programme (KS 2001-11-28), the operations instruction, the e-mail rules and
 * the internet rule, with superseded versions. Returns the current guidelines' section ids, which
 * the demo's projects judge. Written through the repositories: fast.
 */
export async function loadDemoDocuments(transaction: TransactionHandle, actor: AnyActor, clock: Clock, municipalityId: string) {
  const now = clock.now();
  const nowIso = now.toISOString();
  const sectionIds = demoGuidelineSections.map(() => randomUUID());
  const pack = await transaction
    .selectFrom('policy_packs')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
  for (const document of demoDocuments(now)) {
    const documentId = randomUUID();
    await documentsRepository.insert(transaction, {
      id: documentId,
      municipality_id: municipalityId,
      kind: document.kind,
      title: document.title,
      sort_key: swedishSortKey(document.title),
      search_text: searchText(document.title, document.description, document.ownerBody),
      description: document.description,
      owner_role: document.ownerRole,
      owner_body: document.ownerBody,
      review_interval_months: document.reviewIntervalMonths,
      requires_acknowledgement: document.requiresAcknowledgement ? 1 : 0,
      audience_department_ids_json: '[]',
      policy_pack_id: document.policyPack ? (pack?.id ?? null) : null,
      current_version_id: null,
      next_review_date: null,
      created_at: nowIso,
      updated_at: nowIso,
      version: 1,
    });
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'policy_document',
      entityId: documentId,
      after: document,
    });
    let current: { id: string; decisionDate: string } | null = null;
    for (const [index, version] of document.versions.entries()) {
      const versionId = randomUUID();
      const published = version.state === 'adopted' || version.state === 'superseded';
      const adoptedAt = published ? `${version.decisionDate}T12:00:00.000Z` : null;
      await documentVersionsRepository.insert(transaction, {
        id: versionId,
        municipality_id: municipalityId,
        document_id: documentId,
        number: index + 1,
        state: version.state,
        adopted_by: version.adoptedBy ?? null,
        decision_date: version.decisionDate ?? null,
        decision_reference: version.decisionReference ?? null,
        change_summary: version.changeSummary,
        editorial: version.editorial ? 1 : 0,
        text: version.text,
        adopted_at: adoptedAt,
        created_at: adoptedAt ?? nowIso,
        updated_at: adoptedAt ?? nowIso,
        version: 1,
      });
      if (version.sections)
        await documentVersionsRepository.replaceSections(
          transaction,
          municipalityId,
          versionId,
          version.sections.map((sectionIndex) => {
            const [code, title, description] = demoGuidelineSections[sectionIndex]!;
            return { id: sectionIds[sectionIndex]!, code, title, description };
          }),
        );
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'policy_document_version',
        entityId: versionId,
        after: { documentId, number: index + 1, state: version.state, decisionDate: version.decisionDate ?? null },
      });
      if (version.state === 'adopted') current = { id: versionId, decisionDate: version.decisionDate! };
    }
    if (current)
      await documentsRepository.update(transaction, municipalityId, documentId, 1, {
        current_version_id: current.id,
        next_review_date: nextReviewDateOf(current.decisionDate, document.reviewIntervalMonths),
        updated_at: nowIso,
      });
  }
  return { guidelineSectionIds: sectionIds };
}
