/**
 * The repository stands alone: no tracked file reads or links anything beside the checkout, so a
 * bare `git clone` runs and reads the same as this working copy (`.ci/run` proves it on a clone
 * with nothing beside it). The forbidden names are built from pieces, so this file does not
 * contain what it looks for.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dots = '.'.repeat(2);

/** Folders that sit beside the checkout on the machines it was written on. */
const siblingNames = ['shared'];
const siblingPaths = ['docs', 'seed', 'hooks'].map((folder) => [siblingNames[0], folder].join('/'));
const absoluteRoots = [`/${'work'}/`, `/${'home'}/`];

/** A relative path that starts by climbing out of its folder, once or more. */
const climbing = new RegExp(`(?<![\\w.$/-])(?:\\${dots[0]}\\${dots[1]}/)+(?:[\\w@.-]+/?)*`, 'g');

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return listed.filter((file) => {
    const full = path.join(root, file);
    if (!fs.existsSync(full) || fs.statSync(full).size > 2_000_000) return false;
    return !fs.readFileSync(full).subarray(0, 8000).includes(0);
  });
}

/** What in `text` (the content of `file`) points outside the repository. */
function referencesOutside(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(climbing)) {
    const target = path.resolve(root, path.dirname(file), match[0]);
    if (path.relative(root, target).startsWith(dots)) found.push(match[0]);
  }
  for (const name of [...siblingPaths, ...absoluteRoots]) if (text.includes(name)) found.push(name);
  return found;
}

describe('the repository stands alone', () => {
  it('finds the references it is meant to find', () => {
    expect(referencesOutside('README.md', `see [the docs](${dots}/${siblingPaths[0]}/)`)).not.toEqual([]);
    expect(
      referencesOutside('packages/server/src/a.ts', `resolve(dirname, '${dots}/${dots}/${dots}/${dots}/${dots}/${siblingNames[0]}')`),
    ).not.toEqual([]);
    expect(referencesOutside('docs/a.md', `Targets: ${siblingPaths[0]}/quality.md`)).not.toEqual([]);
    expect(referencesOutside('scripts/a.sh', `cat ${absoluteRoots[0]}x`)).not.toEqual([]);
  });

  it('lets paths that stay inside pass', () => {
    expect(referencesOutside('docs/adr/0001-x.md', `[ops](${dots}/operations.md), [readme](${dots}/${dots}/README.md)`)).toEqual([]);
    expect(referencesOutside('packages/server/src/a.ts', `import x from '${dots}/${dots}/contracts/src/index.ts'`)).toEqual([]);
  });

  it('has no tracked file that reads or links outside the checkout', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      referencesOutside(file, fs.readFileSync(path.join(root, file), 'utf8')).map((reference) => `${file}: ${reference}`),
    );
    expect(offenders).toEqual([]);
  });
});
