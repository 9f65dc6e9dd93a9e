import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.ts';

// NUL and other C0 controls (tab, line feed and carriage return are text) and unpaired UTF-16
// surrogates are never meaningful text: PostgreSQL refuses NUL outright (a 500 otherwise), and a
// lone surrogate cannot be encoded as UTF-8 and comes back as U+FFFD.
const forbiddenCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findForbidden(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (found.length >= 10 || depth > 64) return;
  // An uploaded file (the import routes' body) is bytes, not text: its reader decides what it may hold.
  if (Buffer.isBuffer(value)) return;
  if (typeof value === 'string') {
    if (forbiddenCharacters.test(value))
      found.push({ path, message: 'Contains control characters or invalid Unicode', code: 'invalid_characters' });
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) findForbidden(item, `${path}.${index}`, found, depth + 1);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (forbiddenCharacters.test(key)) found.push({ path: `${path}.${key}`, message: 'Invalid field name', code: 'invalid_characters' });
      findForbidden(item, `${path}.${key}`, found, depth + 1);
    }
  }
}

/** Refuses, before any contract or database sees it, text that no field may hold. */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: FieldError[] = [];
    findForbidden(request.query, 'querystring', found);
    findForbidden(request.params, 'params', found);
    findForbidden(request.body, 'body', found);
    if (found.length > 0)
      throw new AppError('validation_failed', 'Some fields contain characters that are not allowed.', { fieldErrors: found });
  });
}
