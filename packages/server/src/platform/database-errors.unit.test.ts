import { describe, expect, it } from 'vitest';
import { asApplicationError, isUniqueViolation, raceConflict } from './database-errors.ts';
import { AppError } from './errors.ts';

describe('unique violations', () => {
  const postgres = Object.assign(new Error('duplicate key value violates unique constraint "assets_serial"'), { code: '23505' });
  const sqlite = Object.assign(new Error('UNIQUE constraint failed: assets.serial'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });

  it('become the race conflict that names no constraint, and stay recognisable behind it', () => {
    for (const error of [postgres, sqlite]) {
      const answered = asApplicationError(error) as AppError;
      expect(answered).toBeInstanceOf(AppError);
      expect(answered.code).toBe('conflict');
      expect(answered.message).not.toMatch(/assets|serial|constraint/);
      // A service that catches around withTransaction (the imports' *_key_taken) still sees the unique violation.
      expect(isUniqueViolation(answered)).toBe(true);
      expect(asApplicationError(answered)).toBe(answered);
    }
  });

  it('are not any other error or conflict', () => {
    expect(isUniqueViolation(Object.assign(new Error('foreign key'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation(raceConflict())).toBe(false);
    expect(isUniqueViolation(new AppError('conflict', 'taken', { cause: new Error('other') }))).toBe(false);
    expect(isUniqueViolation(new AppError('validation_failed', 'bad', { cause: postgres }))).toBe(false);
  });
});
