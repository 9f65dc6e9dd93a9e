import { randomUUID } from 'node:crypto';
import type { DocumentKind } from '@forvalta/contracts';
import { documentsRepository, documentVersionsRepository, nextReviewDateOf } from '../modules/documents/bulk.ts';
import type { Clock } from '../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../platform/database.ts';
import { searchText, swedishSortKey } from '../platform/text.ts';

const kinds: Array<[DocumentKind, string, number]> = [
  ['it_policy', 'IT-policy', 36],
  ['security_guidelines', 'Riktlinjer för IT-säkerhet', 36],
  ['infrastructure_programme', 'IT-infrastrukturprogram', 36],
  ['operations_instruction', 'Driftinstruktion', 12],
  ['email_rules', 'Regler för e-post', 36],
  ['internet_use', 'Regler för användning av internet', 36],
];

/** About 6 KB of text per version: a policy document's size, so the reads move realistic rows. */
function textOf(title: string, number: number): string {
  const paragraphs = Array.from(
    { length: 24 },
    (_, index) =>
      `§ ${index + 1}. ${title}, version ${number}: ${'Kommunens verksamheter följer riktlinjen i sitt dagliga arbete. '.repeat(4)}`,
  );
  return paragraphs.join('\n\n');
}

/**
 * The L workload's policy documents (issue #13): six documents with three versions each (two
 * superseded, one adopted), the guidelines with twelve sections per version, in one municipality.
 * Idempotent: a kind that already has three versions is left alone; the security guidelines the
 * 089 migration gave every municipality (one adopted version) get the versions they lack.
 */
export async function loadBenchDocuments(
  db: DatabaseHandle,
  clock: Clock,
  municipalityId: string,
): Promise<{ documents: number; versions: number }> {
  const now = clock.now().toISOString();
  return withTransaction(db, async (transaction) => {
    let versions = 0;
    let documents = 0;
    for (const [kind, title, interval] of kinds) {
      const existing = await transaction
        .selectFrom('policy_documents')
        .select(['id', 'version'])
        .where('municipality_id', '=', municipalityId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      const documentId = existing?.id ?? randomUUID();
      const present = existing
        ? await documentVersionsRepository.nextNumber(transaction, municipalityId, documentId).then((next) => next - 1)
        : 0;
      if (present >= 3) continue;
      if (!existing) {
        documents += 1;
        await documentsRepository.insert(transaction, {
          id: documentId,
          municipality_id: municipalityId,
          kind,
          title,
          sort_key: swedishSortKey(title),
          search_text: searchText(title),
          description: `${title} för kommunen.`,
          owner_role:
            kind === 'email_rules' || kind === 'internet_use' ? 'secretariat' : kind === 'it_policy' ? 'administrator' : 'it_chief',
          owner_body: 'Kommunstyrelsen',
          review_interval_months: interval,
          requires_acknowledgement: kind === 'infrastructure_programme' || kind === 'operations_instruction' ? 0 : 1,
          audience_department_ids_json: '[]',
          policy_pack_id: null,
          current_version_id: null,
          next_review_date: null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
      }
      const sectionIds = Array.from({ length: 12 }, () => randomUUID());
      let current = { id: '', decisionDate: '' };
      for (let number = present + 1; number <= 3; number += 1) {
        // The adopted version steps aside first: one adopted version per document.
        await documentVersionsRepository.supersedeAdopted(transaction, municipalityId, documentId, now);
        const id = randomUUID();
        const decisionDate = `${2016 + number * 3}-0${number + 2}-15`;
        await documentVersionsRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          document_id: documentId,
          number,
          state: 'adopted',
          adopted_by: 'Kommunstyrelsen',
          decision_date: decisionDate,
          change_summary: `Revidering ${number}.`,
          editorial: 0,
          text: textOf(title, number),
          adopted_at: `${decisionDate}T12:00:00.000Z`,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        if (kind === 'security_guidelines')
          await documentVersionsRepository.replaceSections(
            transaction,
            municipalityId,
            id,
            sectionIds.map((sectionId, index) => ({
              id: sectionId,
              code: String(index + 1),
              title: `Avsnitt ${index + 1}`,
              description: null,
            })),
          );
        current = { id, decisionDate };
        versions += 1;
      }
      await documentsRepository.update(transaction, municipalityId, documentId, existing?.version ?? 1, {
        current_version_id: current.id,
        next_review_date: nextReviewDateOf(current.decisionDate, interval),
        updated_at: now,
      });
    }
    return { documents, versions };
  });
}
