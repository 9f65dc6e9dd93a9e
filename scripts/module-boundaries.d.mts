/** Types of scripts/module-boundaries.mjs, for its unit test. */
export interface BoundaryViolation {
  rule: string;
  from: string;
  to: string;
}
export const queryBuildersAllowed: RegExp[];
export function findQueryBuildersOutsideRepositories(baseDirectory: string): BoundaryViolation[];
export function findBoundaryViolations(baseDirectory?: string, folders?: string[]): Promise<BoundaryViolation[]>;
