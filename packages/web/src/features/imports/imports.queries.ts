import type { ImportKind, ImportMapping, ImportReport, Problem } from '@forvalta/contracts';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, uploadFile, uploadForDownload, uploadStreaming } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { peopleKeys } from '../organisation/people/people.queries.ts';
import { departmentKeys } from '../organisation/departments/departments.queries.ts';
import { systemKeys } from '../systems/systems.queries.ts';

export const importKeys = {
  all: ['imports'] as const,
  mappings: (kind: ImportKind) => [...importKeys.all, 'mappings', kind] as const,
};

const paths = {
  register: { propose: '/imports/register', run: '/imports/register/run' },
  people: { propose: '/imports/people', run: '/imports/people/run' },
} as const;

/** What a run sends besides the file: the corrected mapping, and whether unknown departments are created. */
export interface ImportRunOptions {
  mapping: ImportMapping;
  createDepartments: boolean;
}

const runQuery = (options: ImportRunOptions) => ({
  mapping: JSON.stringify(options.mapping),
  createDepartments: options.createDepartments ? 'true' : undefined,
});

/** Reads the file's headers and a sample; the server proposes the mapping. Reads nothing of the municipality. */
export const useProposeMapping = (kind: ImportKind) =>
  useApiMutation((file: File) => uploadFile(paths[kind].propose, file, {} as never), []);

/** The dry run: what each row would do; nothing is written. */
export const useDryRun = (kind: ImportKind) =>
  useApiMutation(
    ({ file, options }: { file: File; options: ImportRunOptions }) =>
      uploadFile(paths[kind].run, file, { mode: 'dry_run', ...runQuery(options) } as never) as Promise<ImportReport>,
    [],
  );

/** The dry run's report as a spreadsheet with a "what to fix" column, in the interface's language. */
export const downloadReport = (kind: ImportKind, file: File, options: ImportRunOptions, language: 'sv' | 'en') =>
  uploadForDownload(paths[kind].run, file, { mode: 'dry_run', format: 'xlsx', language, ...runQuery(options) });

export interface ApplyProgress {
  written: number;
  total: number;
}

type ProgressLine =
  | { type: 'progress'; written: number; total: number }
  | { type: 'report'; report: ImportReport }
  | { type: 'problem'; problem: Problem };

/** The apply, all or nothing, its progress told after each of the server's batches; refreshes the register or the people. */
export const useApplyImport = (kind: ImportKind, onProgress: (progress: ApplyProgress) => void) =>
  useApiMutation(
    async ({ file, options }: { file: File; options: ImportRunOptions }): Promise<ImportReport> => {
      let report: ImportReport | undefined;
      await uploadStreaming(paths[kind].run, file, { mode: 'apply', ...runQuery(options) }, (line) => {
        const message = line as ProgressLine | ImportReport;
        if (!('type' in message)) report = message;
        else if (message.type === 'progress') onProgress({ written: message.written, total: message.total });
        else if (message.type === 'report') report = message.report;
        else throw new ApiError(400, message.problem, message.problem.detail ?? message.problem.title);
      });
      if (!report) throw new ApiError(0, undefined, 'The import ended without its report.');
      return report;
    },
    [kind === 'register' ? systemKeys.all : peopleKeys.all, departmentKeys.all],
  );

export const mappingsQuery = (kind: ImportKind) =>
  queryOptions({
    queryKey: importKeys.mappings(kind),
    queryFn: () => api.get('/import-mappings', { query: { kind } }),
  });

export const useSaveMapping = (kind: ImportKind) =>
  useApiMutation(
    ({ name, mapping, existing }: { name: string; mapping: ImportMapping; existing?: { id: string; version: number } }) =>
      existing
        ? api.patch('/import-mappings/:id', { params: { id: existing.id }, version: existing.version, body: { mapping } })
        : api.post('/import-mappings', { body: { kind, name, mapping } }),
    [importKeys.mappings(kind)],
  );
