import { describe, expect, it } from 'vitest';
import type { SnapshotAssetFacts, SnapshotAssetRecords } from '../snapshot.ts';
import { buildSnapshot, runRule } from '../test-support.ts';
import { assetEvidenceLimit, ownedEquipmentRule, schoolNetworkRule, standardEquipmentRule } from './equipment.ts';

const social = 'department-social';
const facts = (overrides: Partial<SnapshotAssetFacts> = {}): SnapshotAssetFacts => ({
  departmentId: social,
  kind: 'pc',
  ownerKind: 'it_unit',
  everOnTownHall: false,
  lifecycle: 'in_use',
  modelStanding: 'standard',
  ...overrides,
});
const group = (count: number, overrides: Partial<SnapshotAssetFacts> = {}) => ({ ...facts(overrides), count });
const exception = (label: string, overrides: Partial<SnapshotAssetFacts> = {}) => ({ ...facts(overrides), id: `asset-${label}`, label });
const run = (rule: Parameters<typeof runRule>[0], assetRecords: SnapshotAssetRecords) => runRule(rule, buildSnapshot([], { assetRecords }));

describe('ITP-6-OWNED', () => {
  it('passes a department whose computers, printers and network equipment are all the IT unit’s', () => {
    const results = run(ownedEquipmentRule, { groups: [group(40), group(3, { kind: 'printer' })], exceptions: [] });
    expect(results).toEqual([
      expect.objectContaining({
        subjectType: 'department',
        subjectId: social,
        subjectName: 'Socialförvaltningen',
        departmentId: social,
        status: 'pass',
        reason: 'equipment_owned_by_it_unit',
        evidence: { assets: 43, breaking: 0, examples: [] },
        fixPath: `/assets?departmentId=${social}&ownerKind=department`,
      }),
    ]);
  });

  it('fails a department with a printer of its own, naming it; a phone of its own is not §6 equipment', () => {
    const printer = { kind: 'printer' as const, ownerKind: 'department' as const };
    const phone = { kind: 'phone' as const, ownerKind: 'department' as const };
    const results = run(ownedEquipmentRule, {
      groups: [group(40), group(1, printer), group(5, phone)],
      exceptions: [exception('INV-0042', printer), exception('TEL-1', phone)],
    });
    expect(results).toEqual([
      expect.objectContaining({
        status: 'fail',
        reason: 'equipment_owned_elsewhere',
        evidence: { assets: 41, breaking: 1, examples: ['INV-0042'] },
      }),
    ]);
  });

  it('counts assets without a department for the IT unit, and names at most the evidence limit', () => {
    const other = { departmentId: null, ownerKind: 'other' as const };
    const exceptions = Array.from({ length: assetEvidenceLimit + 5 }, (_, index) => exception(`S-${index}`, other));
    const [result] = run(ownedEquipmentRule, { groups: [group(assetEvidenceLimit + 5, other)], exceptions });
    expect(result).toMatchObject({ subjectId: 'department-it', departmentId: 'department-it', status: 'fail' });
    expect(result!.evidence).toMatchObject({ breaking: assetEvidenceLimit + 5 });
    expect(result!.evidence.examples).toHaveLength(assetEvidenceLimit);
  });
});

describe('ITP-6-STANDARD', () => {
  it('passes equipment in service of an approved catalogue model, and does not judge what is still ordered', () => {
    const results = run(standardEquipmentRule, {
      groups: [group(12), group(4, { lifecycle: 'in_repair' }), group(2, { lifecycle: 'ordered', modelStanding: 'non_standard' })],
      exceptions: [],
    });
    expect(results).toEqual([
      expect.objectContaining({ status: 'pass', reason: 'equipment_standard', evidence: expect.objectContaining({ assets: 16 }) }),
    ]);
  });

  it('fails an asset without a model and one of a model outside its approval', () => {
    const results = run(standardEquipmentRule, {
      groups: [group(12), group(1, { modelStanding: 'non_standard' }), group(1, { modelStanding: 'not_approved' })],
      exceptions: [exception('egen', { modelStanding: 'non_standard' }), exception('gammal', { modelStanding: 'not_approved' })],
    });
    expect(results).toEqual([
      expect.objectContaining({
        status: 'fail',
        reason: 'equipment_not_standard',
        evidence: { assets: 14, breaking: 2, examples: ['egen', 'gammal'] },
      }),
    ]);
  });
});

describe('ITP-6-SCHOOL-NET', () => {
  it('passes school computers of their own order that never were on the town-hall network', () => {
    const results = run(schoolNetworkRule, {
      groups: [group(30, { ownerKind: 'department' }), group(5, { everOnTownHall: true })],
      exceptions: [exception('skola-1', { ownerKind: 'department' })],
    });
    expect(results).toEqual([
      expect.objectContaining({ status: 'pass', reason: 'town_hall_assets_owned', evidence: { assets: 5, breaking: 0, examples: [] } }),
    ]);
  });

  it('fails a computer once on the town-hall network that a school owns', () => {
    const results = run(schoolNetworkRule, {
      groups: [group(5, { everOnTownHall: true }), group(1, { everOnTownHall: true, ownerKind: 'department' })],
      exceptions: [exception('skola-7', { everOnTownHall: true, ownerKind: 'department' })],
    });
    expect(results).toEqual([
      expect.objectContaining({
        status: 'fail',
        reason: 'town_hall_asset_owned_elsewhere',
        evidence: { assets: 6, breaking: 1, examples: ['skola-7'] },
        fixPath: `/assets?departmentId=${social}&network=town_hall`,
      }),
    ]);
  });

  it('says nothing without the equipment module’s records, or of a department without such assets', () => {
    expect(runRule(schoolNetworkRule, buildSnapshot([]))).toEqual([]);
    expect(run(schoolNetworkRule, { groups: [group(30)], exceptions: [] })).toEqual([]);
  });
});
