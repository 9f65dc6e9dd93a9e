import type { Page } from '@playwright/test';
import { apiCall } from './fixtures.ts';

export interface DocumentSummary {
  id: string;
  title: string;
  kind: string;
  openVersion: { id: string; number: number; state: string } | null;
  currentVersion: { id: string; number: number } | null;
}

/**
 * A document of a kind with an adopted version: the demo's, or (on a database without it) made
 * here through the API as the administrator, so the journeys do not rest on the demo's contents.
 */
export async function adoptedDocument(page: Page, kind: string, title: string, decisionDate: string): Promise<DocumentSummary> {
  const find = async () => (await apiCall<{ items: DocumentSummary[] }>(page, 'GET', `/documents?kind=${kind}&limit=5`)).items[0];
  const found = await find();
  if (found?.currentVersion) return found;
  const document =
    found ??
    (await apiCall<DocumentSummary>(page, 'POST', '/documents', {
      data: { kind, title, ownerBody: 'Kommunstyrelsen', requiresAcknowledgement: true },
    }));
  const draft = await apiCall<{ id: string; version: number }>(page, 'POST', `/documents/${document.id}/versions`, {
    data: { text: '# Syfte\nGäller alla som använder kommunens IT-system.\n\n# Lösenord\n- Minst tolv tecken\n- Lämnas aldrig ut' },
  });
  const submitted = await apiCall<{ version: number }>(page, 'POST', `/documents/${document.id}/versions/${draft.id}/submit`, {
    data: {},
    version: draft.version,
  });
  await apiCall(page, 'POST', `/documents/${document.id}/versions/${draft.id}/adopt`, {
    data: { adoptedBy: 'Kommunstyrelsen', decisionDate, decisionReference: 'KS 1' },
    version: submitted.version,
  });
  return (await find())!;
}
