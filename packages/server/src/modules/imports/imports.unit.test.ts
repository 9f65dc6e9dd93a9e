import { describe, expect, it } from 'vitest';
import { proposeColumns } from './column-proposal.ts';
import { createDepartmentResolver } from './department-paths.ts';
import { parseAmount, parseDate, parseDependencies, parseLifecycle, parseOrganisationPath, parseYesNo } from './value-parsing.ts';

describe('the proposed column mapping', () => {
  it('knows Swedish and English names whatever their case, diacritics and spaces, and each field once', () => {
    const proposal = proposeColumns('register', ['SYSTEM ', 'leverantor', 'Avtalets  slutdatum', 'System name', 'Systemägare']);
    expect(proposal.map((column) => [column.field, column.confidence])).toEqual([
      ['name', 'exact'],
      ['supplier', 'exact'],
      ['contractEnd', 'exact'],
      [null, null],
      ['systemOwner', 'exact'],
    ]);
  });

  it('proposes a header a couple of letters from a known name as similar, and nothing for an unrelated one', () => {
    const proposal = proposeColumns('register', ['Leverantr', 'Systemnamn (officiellt)', 'Färg']);
    expect(proposal.map((column) => [column.field, column.confidence])).toEqual([
      ['supplier', 'similar'],
      ['name', 'similar'],
      [null, null],
    ]);
  });
});

describe('values as municipalities write them', () => {
  it('reads costs with spaces, commas and kronor, and refuses words', () => {
    expect([parseAmount('12 500 kr'), parseAmount('1 234,50'), parseAmount('1.234,50'), parseAmount('3000:-'), parseAmount('')]).toEqual([
      12500,
      1234.5,
      1234.5,
      3000,
      undefined,
    ]);
    expect(parseAmount('tolvtusen')).toBeNull();
  });

  it('reads ISO dates, Excel serials and Swedish text, and refuses prose', () => {
    expect(parseDate('2026-12-31')).toBe('2026-12-31');
    expect(parseDate('46387')).toBe('2026-12-31');
    expect(parseDate('31/12/2026')).toBe('2026-12-31');
    expect(parseDate('31 december 2026')).toBe('2026-12-31');
    expect(parseDate('feb 2027')).toBe('2027-02-28');
    expect(parseDate('Löpande – uppsägningstid 3–12 månader')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
  });

  it('maps Swedish lifecycle and yes/no words, and knows none it cannot', () => {
    expect([parseLifecycle('I drift'), parseLifecycle('Under avveckling'), parseLifecycle('införande')]).toEqual([
      'in_production',
      'retiring',
      'introducing',
    ]);
    expect(parseLifecycle('kanske')).toBeNull();
    expect([parseYesNo('Ja'), parseYesNo('x'), parseYesNo('NEJ')]).toEqual(['yes', 'yes', 'no']);
  });

  it('splits free-text dependencies into the other system, its method and the rest', () => {
    expect(parseDependencies('Stratsys: Ej verksamhetskritiskt (API); Raindance (fil), Visma')).toEqual([
      { system: 'Stratsys', method: 'api', description: 'Ej verksamhetskritiskt' },
      { system: 'Raindance', method: 'file', description: null },
      { system: 'Visma', method: null, description: null },
    ]);
    // The method is the last parenthesis; one before it belongs to the name (as the Backstage export writes it).
    expect(parseDependencies('Driftövervakning VA (SCADA) (api)')).toEqual([
      { system: 'Driftövervakning VA (SCADA)', method: 'api', description: null },
    ]);
  });

  it('splits an organisation path on spaced separators only, where it has any', () => {
    expect(parseOrganisationPath('Sektor omsorg/Socialförvaltningen / Äldreomsorgen')).toEqual([
      'Sektor omsorg/Socialförvaltningen',
      'Äldreomsorgen',
    ]);
    expect(parseOrganisationPath('IT/Drift')).toEqual(['IT', 'Drift']);
    expect(parseOrganisationPath('Kommunkoncern > Kommun >Förvaltning')).toEqual(['Kommunkoncern', 'Kommun >Förvaltning']);
  });
});

describe('organisation paths', () => {
  const departments = [
    { id: 'school', parentId: null, name: 'Barn och utbildning' },
    { id: 'school-admin', parentId: 'school', name: 'Administration' },
    { id: 'planning', parentId: null, name: 'Samhällsbyggnad' },
    { id: 'planning-admin', parentId: 'planning', name: 'Administration' },
  ];

  it('finds a department by the tail of the path, and a shared name only with its parent', () => {
    const resolver = createDepartmentResolver(departments, 'Tanum');
    expect(resolver.resolve('Kommunkoncern / Tanums kommun / Barn och utbildning')).toBe('school');
    expect(resolver.resolve('Samhällsbyggnad > Administration')).toBe('planning-admin');
    expect(resolver.resolve('Administration')).toBeNull();
    expect(resolver.resolve('Kultur och fritid')).toBeUndefined();
  });

  it('plans the missing tail of an unknown path under the deepest department it names, below the municipality', () => {
    const resolver = createDepartmentResolver(departments, 'Tanum');
    expect(resolver.resolveOrPlan('Kommunkoncern / Tanums kommun / Barn och utbildning / Förskola / Kockums förskola')).toEqual({
      key: expect.any(String),
    });
    expect(resolver.planned().map((planned) => [planned.name, planned.parentId, planned.parentKey === null])).toEqual([
      ['Förskola', 'school', true],
      ['Kockums förskola', null, false],
    ]);
  });
});
