import { createRequire } from 'node:module';

/**
 * An open-source product's licence is an SPDX expression (`MIT`, `GPL-3.0-or-later OR Apache-2.0`,
 * `LicenseRef-…`), checked against the SPDX licence list that spdx-expression-parse carries
 * (spdx-license-ids, pinned), so a typo such as `GPL3` is refused rather than stored.
 */
type Parse = (expression: string) => unknown;
const parse = createRequire(import.meta.url)('spdx-expression-parse') as Parse;

export function spdxExpressionValid(expression: string): boolean {
  try {
    parse(expression);
    return true;
  } catch {
    return false;
  }
}
