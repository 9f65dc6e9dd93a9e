import { performance } from 'node:perf_hooks';
import { documentListQuerySchema, documentVersionListQuerySchema } from '@forvalta/contracts';
import { systemClock, type Actor, type Services } from '@forvalta/server';
import type { createServices } from '@forvalta/server';
import { loadBenchDocuments } from '@forvalta/server/generate';

type Database = Parameters<typeof createServices>[0];

export interface DocumentReadTiming {
  name: string;
  /** What the read answered: documents listed, or versions of the one document. */
  items: number;
  samples: number;
  p50Milliseconds: number;
  p99Milliseconds: number;
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

/**
 * The policy documents' reads (issue #13), timed on the service as the server runs them: the
 * list, and one document's page (the document and its versions with their texts and sections).
 * The municipality gets the L workload's six documents with three versions each first, if it has
 * none (a bench database generated before documents existed). As an employee: adopted versions only.
 */
export async function timeDocumentReads(
  services: Services,
  db: Database,
  municipalityId: string,
  samples = 1000,
): Promise<DocumentReadTiming[]> {
  await loadBenchDocuments(db, systemClock, municipalityId);
  const actor: Actor = {
    kind: 'person',
    loginId: 'bench',
    personId: 'bench',
    email: 'bench@bench',
    name: 'Bench',
    locale: 'sv',
    municipalityId,
    authenticatedBy: 'token',
    roles: [{ role: 'employee', departmentId: null, departmentIds: [] }],
  };
  const listQuery = documentListQuerySchema.parse({ limit: '50' });
  const versionQuery = documentVersionListQuerySchema.parse({ limit: '50' });
  const guidelines = (await services.documents.listDocuments(actor, documentListQuerySchema.parse({ kind: 'security_guidelines' })))
    .items[0]!;
  const reads: Array<[string, () => Promise<number>]> = [
    ['documents: the list', async () => (await services.documents.listDocuments(actor, listQuery)).items.length],
    [
      'documents: one document with its versions',
      async () => {
        await services.documents.getDocument(actor, guidelines.id);
        return (await services.documentVersions.listVersions(actor, guidelines.id, versionQuery)).items.length;
      },
    ],
  ];
  const timings: DocumentReadTiming[] = [];
  for (const [name, read] of reads) {
    let items = 0;
    for (let warmUp = 0; warmUp < 20; warmUp += 1) items = await read();
    const times: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      const started = performance.now();
      await read();
      times.push(performance.now() - started);
    }
    times.sort((left, right) => left - right);
    timings.push({ name, items, samples, p50Milliseconds: percentile(times, 0.5), p99Milliseconds: percentile(times, 0.99) });
  }
  return timings;
}
