// The risk levels' bands and colours; the risk analyses' queries are in risks.queries.ts.

export type RiskBand = 'low' | 'medium' | 'high' | 'veryHigh';

/** likelihood × consequence on the 4×4 matrix: 1–3 low, 4–6 medium, 8–9 high, 12–16 very high. */
export function riskBand(level: number): RiskBand {
  if (level >= 12) return 'veryHigh';
  if (level >= 8) return 'high';
  if (level >= 4) return 'medium';
  return 'low';
}

/** Background and text colours for each band, every pair above 4.5:1; the band is also written out. */
export const bandColours: Record<RiskBand, { background: string; color: string }> = {
  low: { background: '#d3f9d8', color: '#1b4d24' },
  medium: { background: '#fff3bf', color: '#5c3c00' },
  high: { background: '#ffd8a8', color: '#6b2600' },
  veryHigh: { background: '#c92a2a', color: '#ffffff' },
};
