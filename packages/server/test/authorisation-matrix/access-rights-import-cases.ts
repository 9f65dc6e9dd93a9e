import type { RouteCase } from './route-case.ts';

/**
 * The access-rights import (issue #14). The file is the body; its one row names a system by id, so
 * another municipality's system is input that does not exist here (the row is refused, and an
 * apply of a file with a refused row answers 400). A department head holds no import permission;
 * a system's manager, who may import into their system, is tried in access-rights-import.test.ts.
 */
export const accessRightImportCases: Record<string, RouteCase> = {
  'POST /api/v1/access-rights/import': {
    scope: 'none',
    bodyReferences: 'other records',
    allowed: 200,
    prepare: async (r, p) => {
      const row = await r.accessRightImportRow(p);
      return {
        url: '/api/v1/access-rights/import?mode=apply',
        contentType: 'text/csv',
        body: `email;system;level\r\n${row.email};${row.systemId};${row.levelName}\r\n`,
      };
    },
  },
};
