import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  errorCodes,
  importReasons,
  peopleImportFields,
  problemReasons,
  registerImportFields,
  scheduledJobNames,
} from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';

/**
 * Swedish first, English complete: every key in both languages, every key the code asks for
 * present, and a text for every error the server can answer with, so no screen falls back to a
 * raw key or to the server's English.
 */
type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const sourceDirectory = join(import.meta.dirname, '..');
const serverDirectory = join(import.meta.dirname, '../../../server/src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

/**
 * Every translation file beside this test: `sv.json` and `en.json` are the shared namespace
 * ("translation"), `<namespace>.<language>.json` a module's. Read from the directory, so a new
 * module's texts are checked without being listed here.
 */
const translationDirectory = import.meta.dirname;
const readTree = (name: string): Tree => JSON.parse(readFileSync(join(translationDirectory, name), 'utf8')) as Tree;
const trees = Object.fromEntries(
  readdirSync(translationDirectory)
    .filter((name) => /^(\w+\.)?sv\.json$/.test(name))
    .map((name) => {
      const namespace = name === 'sv.json' ? 'translation' : name.split('.')[0]!;
      const english = name === 'sv.json' ? 'en.json' : `${namespace}.en.json`;
      return [namespace, { sv: readTree(name), en: readTree(english) }];
    }),
);
const namespaces = Object.fromEntries(Object.entries(trees).map(([name, tree]) => [name, { sv: keysOf(tree.sv), en: keysOf(tree.en) }]));
const known = new Set([...namespaces.translation!.sv, ...namespaces.lifecycle!.sv.map((key) => `lifecycle:${key}`)]);
const knownInNamespace = new Map(Object.entries(namespaces).map(([name, languages]) => [name, new Set(languages.sv)]));
const knownInTranslation = knownInNamespace.get('translation')!;

/** The namespaces a file asks for: useTranslation('lifecycle') or useTranslation(['translation', 'privacy']). */
function namespacesAskedFor(text: string): string[] {
  return [...text.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'\w+')/g)].flatMap((found) =>
    [...found[1]!.matchAll(/'(\w+)'/g)].map((name) => name[1]!),
  );
}

/** A key counts as present with its plural forms (departments.subUnits_one, _other). */
const present = (keys: Set<string>, key: string) => keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);

describe('translations', () => {
  it('reads every namespace file', () => {
    expect(Object.keys(namespaces)).toEqual(expect.arrayContaining(['translation', 'lifecycle', 'access', 'assets', 'spreadsheet']));
  });

  it.each(Object.entries(namespaces))('has every %s key in both Swedish and English', (_name, languages) => {
    const swedish = new Set(languages.sv);
    const english = new Set(languages.en);
    expect(
      languages.sv.filter((key) => !english.has(key)),
      'only in Swedish',
    ).toEqual([]);
    expect(
      languages.en.filter((key) => !swedish.has(key)),
      'only in English',
    ).toEqual([]);
  });

  it('has no empty text in either language', () => {
    const empty = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'string' ? (value.trim() === '' ? [`${prefix}${key}`] : []) : empty(value, `${prefix}${key}.`),
      );
    expect(Object.values(trees).flatMap((tree) => [...empty(tree.sv), ...empty(tree.en)])).toEqual([]);
  });

  it('has every key the code asks for with a literal t(…)', () => {
    const missing: string[] = [];
    const notAskedFor: string[] = [];
    let used = 0;
    for (const file of sourceFiles(sourceDirectory)) {
      const text = readFileSync(file, 'utf8');
      // The namespaces a file asks for with useTranslation('lifecycle') or useTranslation('documents').
      const askedNames = namespacesAskedFor(text);
      const asked = askedNames.map((name) => knownInNamespace.get(name) ?? new Set<string>());
      for (const match of text.matchAll(/\bt\(\s*'([A-Za-z][\w.:-]*)'/g)) {
        const key = match[1]!;
        used += 1;
        const [prefix, rest] = key.split(':');
        const found =
          rest !== undefined && knownInNamespace.has(prefix!)
            ? present(knownInNamespace.get(prefix!)!, rest)
            : // A component that asks for a namespace's texts may still use the shared ones.
              asked.some((keys) => present(keys, key)) || present(knownInTranslation, key);
        if (!found) missing.push(`${file.slice(sourceDirectory.length + 1)}: ${key}`);
        // A module's namespace is fetched when a component asks for it (i18n/index.ts): a text
        // named with its namespace in a file that does not ask for it would show as its key.
        if (rest !== undefined && prefix !== 'translation' && !askedNames.includes(prefix!)) {
          notAskedFor.push(`${file.slice(sourceDirectory.length + 1)}: ${key}`);
        }
      }
    }
    expect(used).toBeGreaterThan(500);
    expect(missing).toEqual([]);
    expect(notAskedFor, 'uses a namespace its useTranslation(…) does not load').toEqual([]);
    expect(known.size).toBeGreaterThan(0);
  });

  it('has a text for every error code and every refusal reason the server sends', () => {
    const texts = new Set(namespaces.translation!.sv);
    const codes = [...errorCodes, 'network_error', 'unknown'];
    expect(codes.filter((code) => !texts.has(`errors.${code}`))).toEqual([]);

    // The reasons the server's services throw, read from their source, not only the contract's list.
    const thrown = new Set<string>();
    for (const file of sourceFiles(serverDirectory)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new AppError\([^;]*?\breason: '([a-z_]+)'/gs)) thrown.add(match[1]!);
      for (const match of text.matchAll(/\bconflict\([^;]*?,\s*'([a-z_]+)'/gs)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(15);
    expect([...thrown].filter((reason) => !(problemReasons as readonly string[]).includes(reason))).toEqual([]);
    expect(problemReasons.filter((reason) => !texts.has(`errors.reasons.${reason}`))).toEqual([]);
  });

  it('names every scheduled job the server registers (the settings page shows them)', () => {
    const texts = new Set(namespaces.translation!.sv);
    expect(scheduledJobNames.filter((name) => !texts.has(`jobs.names.${name}`))).toEqual([]);
  });

  it('names every reason of an import report and every field a column can map to (the import screen shows them)', () => {
    const texts = new Set(namespaces.imports!.sv);
    expect(importReasons.filter((reason) => !texts.has(`reason.${reason}`))).toEqual([]);
    expect([...registerImportFields, ...peopleImportFields].filter((field) => !texts.has(`field.${field}`))).toEqual([]);
  });
});
