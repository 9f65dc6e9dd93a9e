import { randomUUID } from 'node:crypto';
import { testPdf } from '../document-test-files.ts';
import { expectStatus, send } from '../http.ts';
import type { TestContext } from '../test-app.ts';
import type { Place, Versioned } from './records.ts';

/** Policy documents and versions of a place, made by its first administrator (who may act for every document). */
export function documentRecords(context: TestContext) {
  const as = (place: Place) => place.municipality.admin.authorization;
  const call = async (place: Place, method: 'POST' | 'PUT', url: string, body: unknown, status = 201, ifMatch?: number) =>
    expectStatus(await send(context, method, url, { headers: as(place), body, ...(ifMatch === undefined ? {} : { ifMatch }) }), status);
  const records = {
    document: (place: Place): Promise<Versioned> =>
      call(place, 'POST', '/api/v1/documents', { kind: 'operations_instruction', title: `Driftinstruktion ${randomUUID().slice(0, 6)}` }),
    async draft(place: Place): Promise<Versioned & { documentId: string }> {
      const document = await records.document(place);
      const draft = await call(place, 'POST', `/api/v1/documents/${document.id}/versions`, { text: 'Säkerhetskopiering varje natt.' });
      return { ...draft, documentId: document.id };
    },
    async inReview(place: Place): Promise<Versioned & { documentId: string }> {
      const draft = await records.draft(place);
      const url = `/api/v1/documents/${draft.documentId}/versions/${draft.id}/submit`;
      return { ...(await call(place, 'POST', url, {}, 200, draft.version)), documentId: draft.documentId };
    },
    async adopted(place: Place, withAttachment = false): Promise<Versioned & { documentId: string }> {
      let version = await records.inReview(place);
      if (withAttachment) {
        const url = `/api/v1/documents/${version.documentId}/versions/${version.id}`;
        const withdrawn = await call(place, 'POST', `${url}/withdraw`, {}, 200, version.version);
        const uploaded = expectStatus(
          await send(context, 'PUT', `${url}/attachment?fileName=driftinstruktion.pdf`, {
            headers: { ...as(place), 'content-type': 'application/pdf' },
            body: testPdf(),
            ifMatch: withdrawn.version,
          }),
          200,
        );
        version = { ...(await call(place, 'POST', `${url}/submit`, {}, 200, uploaded.version)), documentId: version.documentId };
      }
      const url = `/api/v1/documents/${version.documentId}/versions/${version.id}/adopt`;
      const body = { adoptedBy: 'IT-chefen', decisionDate: '2026-11-20' };
      return { ...(await call(place, 'POST', url, body, 200, version.version)), documentId: version.documentId };
    },
  };
  return records;
}
