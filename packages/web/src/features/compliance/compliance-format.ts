import type { Me, PolicyPackView } from '@forvalta/contracts';

// How the compliance screens show scores, rule texts and sections; their queries are in compliance.queries.ts.

/** "0.8107" → "81 %" (Swedish) or "81%" (English); null when nothing was judged. */
export function formatScore(score: number | null, language: string): string {
  if (score === null) return '–';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { style: 'percent', maximumFractionDigits: 0 }).format(score);
}

/** Heat-map class: met in full, mostly, or clearly not; grey when nothing was judged. */
export function scoreClass(score: number | null): 'heat-good' | 'heat-warn' | 'heat-bad' | 'heat-none' {
  if (score === null) return 'heat-none';
  if (score >= 1) return 'heat-good';
  if (score >= 0.8) return 'heat-warn';
  return 'heat-bad';
}

/** Fills {{parameterKey}} in a rule description with the pack's parameter values. */
export function fillParameters(text: string | undefined, parameters: PolicyPackView['parameters']): string {
  if (!text) return '';
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const parameter = parameters.find((candidate) => candidate.key === key);
    return parameter ? String(parameter.value) : whole;
  });
}

/** Sections sort as numbers part by part: 4.2 before 4.2.1 before 4.3 before 10. */
export function compareSections(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A department head lands on their own department's view (ITP-12-FOLLOW). */
export function ownDepartmentOf(me: Me): string | undefined {
  return me.roles.find((role) => role.role === 'department_head' && role.departmentId)?.departmentId ?? undefined;
}
