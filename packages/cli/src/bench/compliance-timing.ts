import { performance } from 'node:perf_hooks';
import { systemActor, type Services } from '@forvalta/server';

const benchActor = systemActor('bench');

export interface ComplianceTiming {
  /** Reading the register and evaluating every rule for the measured municipality (median). */
  fullMilliseconds: number;
  results: number;
  /** Every municipality of the installation, one after another (total). */
  allMunicipalitiesMilliseconds: number;
  municipalities: number;
  /** One system's results after it changed: its own data read and its rules run (median). */
  incrementalMilliseconds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The compliance engine on the database, as the server runs it (read + evaluate), timed directly. */
export async function timeCompliance(
  services: Services,
  municipalityId: string,
  allMunicipalityIds: string[],
  systemId: string,
): Promise<ComplianceTiming> {
  let results = 0;
  const full: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const started = performance.now();
    const evaluation = await services.compliance.evaluateMunicipality(benchActor, municipalityId);
    full.push(performance.now() - started);
    results = evaluation.results.length;
  }
  const allStarted = performance.now();
  for (const id of allMunicipalityIds) await services.compliance.evaluateMunicipality(benchActor, id);
  const allMunicipalitiesMilliseconds = performance.now() - allStarted;
  const incremental: number[] = [];
  for (let run = 0; run < 21; run += 1) {
    const started = performance.now();
    await services.compliance.evaluateMunicipality(benchActor, municipalityId, [systemId]);
    incremental.push(performance.now() - started);
  }
  return {
    fullMilliseconds: median(full),
    results,
    allMunicipalitiesMilliseconds,
    municipalities: allMunicipalityIds.length,
    incrementalMilliseconds: median(incremental),
  };
}
