import type { TFunction } from 'i18next';
import { formatNumber } from '../../i18n/format.ts';

// The evidence of issue #15's equipment rules (ITP-6-*) in words: how many of the department's
// assets the clause judged, and which break it (the first few by inventory number or serial).

const equipmentReasons = new Set([
  'equipment_owned_by_it_unit',
  'equipment_owned_elsewhere',
  'equipment_standard',
  'equipment_not_standard',
  'town_hall_assets_owned',
  'town_hall_asset_owned_elsewhere',
]);

export function equipmentEvidenceLines(reason: string, evidence: Record<string, unknown>, t: TFunction, language: string): string[] {
  if (!equipmentReasons.has(reason)) return [];
  const assets = typeof evidence.assets === 'number' ? evidence.assets : 0;
  const breaking = typeof evidence.breaking === 'number' ? evidence.breaking : 0;
  const examples = Array.isArray(evidence.examples) ? evidence.examples.filter((label) => typeof label === 'string') : [];
  const lines = [t('evidence.equipment.judged', { count: assets, formatted: formatNumber(assets, language) })];
  if (breaking > 0) {
    const list =
      breaking > examples.length
        ? t('evidence.notMetMore', { list: examples.join(', '), count: breaking - examples.length })
        : examples.join(', ');
    lines.push(t('evidence.equipment.breaking', { list }));
  }
  return lines;
}
