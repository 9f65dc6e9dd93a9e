import type { PrivacyReview } from '@forvalta/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { PrivacyReviewsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';

function toReview(row: Selectable<PrivacyReviewsTable>): PrivacyReview {
  return {
    id: row.id,
    activityId: row.activity_id,
    outcome: row.outcome as PrivacyReview['outcome'],
    reviewedOn: row.reviewed_on,
    remarks: row.remarks,
    reviewerPersonId: row.reviewer_person_id,
    reviewerName: row.reviewer_name,
    activityVersion: row.activity_version,
    createdAt: row.created_at,
  };
}

/** The data protection officer's reviews of a record of processing: appended, never changed. */
export const privacyReviewsRepository = {
  async listOfActivity(db: Executor, municipalityId: string, activityId: string): Promise<PrivacyReview[]> {
    const rows = await db
      .selectFrom('privacy_reviews')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('activity_id', '=', activityId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toReview);
  },

  async insert(db: Executor, values: Insertable<PrivacyReviewsTable>): Promise<PrivacyReview> {
    await db.insertInto('privacy_reviews').values(values).execute();
    return toReview(values as Selectable<PrivacyReviewsTable>);
  },
};
