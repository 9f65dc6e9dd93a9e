import { expect } from 'vitest';
import type { TestResponse } from './http.ts';

/**
 * What a record's `can` promises, held against what the write answered: a 2xx when the flag is
 * true, a 403 `forbidden` when it is false. `label` names the actor and action in a failure.
 */
export function expectWriteAsCanSays(can: boolean, response: TestResponse, label: string): void {
  if (can) {
    expect(response.statusCode, `${label}: can said yes, the write answered ${response.body}`).toBeGreaterThanOrEqual(200);
    expect(response.statusCode, `${label}: can said yes, the write answered ${response.body}`).toBeLessThan(300);
  } else {
    expect(response.statusCode, `${label}: can said no, the write answered ${response.body}`).toBe(403);
    expect(response.json().code, label).toBe('forbidden');
  }
}
