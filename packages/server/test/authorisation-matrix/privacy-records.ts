import { randomUUID } from 'node:crypto';
import { expectStatus, send } from '../http.ts';
import type { TestContext } from '../test-app.ts';
import type { Place, Versioned } from './records.ts';

/** Records of processing and functional mailboxes of a place, made by its first administrator. */
export function privacyRecords(context: TestContext) {
  const as = (place: Place) => place.municipality.admin.authorization;
  return {
    /** A record of processing answered for by the place's department. */
    async processingActivity(place: Place): Promise<Versioned> {
      return expectStatus(
        await send(context, 'POST', '/api/v1/processing-activities', {
          headers: as(place),
          body: {
            name: `Behandling ${randomUUID().slice(0, 6)}`,
            purpose: 'Handläggning',
            legalBasis: 'public_interest',
            controllerDepartmentId: place.departmentId,
          },
        }),
        201,
      );
    },
    async mailbox(place: Place): Promise<Versioned> {
      return expectStatus(
        await send(context, 'POST', '/api/v1/mailboxes', {
          headers: as(place),
          body: { address: `funktion-${randomUUID().slice(0, 8)}@kommun.se`, departmentId: place.departmentId },
        }),
        201,
      );
    },
  };
}
