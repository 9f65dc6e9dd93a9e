import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, type TestDialect } from './test-database.ts';

/**
 * Vitest global setup of the sqlite and postgres projects: migrates one template database of the
 * project's dialect for the whole run, before any test file starts, and drops it after the last.
 * Each test file then copies it (test-database.ts, createMigratedTestDatabase) instead of running
 * every migration itself. The template's name is random per run, so parallel runs never meet.
 */
export default async function setup(project: TestProject) {
  const dialect: TestDialect = project.config.env?.FORVALTA_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  const template = await createTemplateDatabase(dialect);
  project.provide('forvaltaTemplateDatabase', { dialect, location: template.location });
  return () => template.drop();
}
