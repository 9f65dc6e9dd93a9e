import { z } from 'zod';
import { optionalText } from './common.ts';

/* ---------- Förvalta's own personal data (issue #16): subject access and pseudonymisation ---------- */

/**
 * POST /people/:id/subject-access-export: the data protection officer's extract of everything
 * Förvalta holds about one person (GDPR art. 15). A POST because the extract is itself recorded in
 * the audit log (reads never write); the request's case reference (diarienummer), where it has
 * one, goes into that event.
 */
export const subjectAccessExportSchema = z.strictObject({
  caseReference: optionalText(60),
});
export type SubjectAccessExport = z.infer<typeof subjectAccessExportSchema>;
