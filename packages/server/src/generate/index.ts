/**
 * The workload generator's public entry, exported by the server package as
 * "@forvalta/server/generate" for `forvalta generate` and `forvalta bench`; the CLI imports
 * nothing else of it (.dependency-cruiser.cjs).
 */
export { generateWorkload, type GenerateOptions, type GenerationSummary } from './generate-workload.ts';
export { loadSystems, type SystemsLoad } from './load-systems.ts';
export { loadBenchDocuments } from './load-documents.ts';
export { workloadSizes, workloadTotals, type WorkloadSize } from './workload-sizes.ts';
export { measureAcknowledgementScale, type AcknowledgementScale } from './acknowledgement-load.ts';
export { generateTrainingRecords, type TrainingWorkload } from './training-generator.ts';
export { generateAccessRights, type AccessRightsWorkload } from './access-rights-generator.ts';
export { generatePrivacyRecords, type PrivacyWorkload } from './privacy-generator.ts';
