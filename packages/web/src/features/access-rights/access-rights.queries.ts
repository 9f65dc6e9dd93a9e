import type { AccessRightImportQuery } from '@forvalta/contracts';
import { uploadFile } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';

export const accessRightKeys = {
  all: ['access-rights'] as const,
  list: (query: object) => ['access-rights', 'list', query] as const,
};

/** A dry run reads only; an apply changes the rights every access list shows. */
export const useImportAccessRights = () =>
  useApiMutation(
    ({ file, query }: { file: File; query: AccessRightImportQuery }) => uploadFile('/access-rights/import', file, query),
    (variables) => (variables.query.mode === 'apply' ? [accessRightKeys.all] : []),
  );
