import type { PublicField, PublicRegisterSettingsUpdate, PublicSystem } from '@forvalta/contracts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { notFound } from '../../platform/errors.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { publicRegisterRepository } from './public-register.repository.ts';

type PublishedRow = Awaited<ReturnType<typeof publicRegisterRepository.listSystems>>['rows'][number];

/** Only the chosen fields leave the building; staff names never do (ITP-2-OPEN). */
function publish(row: PublishedRow, fields: readonly PublicField[]): PublicSystem {
  const published: PublicSystem = { id: row.id, name: row.name };
  const values: Record<PublicField, unknown> = {
    purpose: row.purpose,
    description: row.description,
    ownerDepartment: row.owner_department,
    kind: row.kind,
    lifecycle: row.lifecycle,
    supplier: row.supplier,
    product: row.product,
    scope: row.scope,
    processesPersonalData: Boolean(row.processes_personal_data),
  };
  for (const field of fields) (published as Record<string, unknown>)[field] = values[field];
  return published;
}

export function createPublicRegisterService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  return {
    getSettings: useCase('system.read', async ({ actor, authorise }) => {
      authorise();
      return publicRegisterRepository.settings(db, municipalityOf(actor));
    }),

    updateSettings: useCase(
      'publicRegister.manage',
      async ({ actor, authorise }, expectedVersion: ExpectedVersion, input: PublicRegisterSettingsUpdate) => {
        const municipalityId = municipalityOf(actor);
        return versioned.update(actor, {
          entity: 'Public register settings',
          expectedVersion,
          load: (transaction) => publicRegisterRepository.settings(transaction, municipalityId),
          authorise: () => authorise(),
          apply: (transaction, before, version) => {
            const fields = [...new Set(input.fields)];
            const lifecycles = input.lifecycles ? [...new Set(input.lifecycles)] : before.lifecycles;
            return publicRegisterRepository.saveSettings(
              transaction,
              municipalityId,
              version,
              { enabled: input.enabled, fields, lifecycles },
              clock.now().toISOString(),
            );
          },
          audit: (before, after) => ({ action: 'update', entityType: 'public_register_settings', entityId: municipalityId, before, after }),
        });
      },
    ),

    listMunicipalities() {
      return publicRegisterRepository.listPublishingMunicipalities(db);
    },

    /** The public, unauthenticated read of one municipality's register. */
    async listPublicSystems(query: { municipality: string; q?: string; limit: number; cursor?: string }) {
      const municipality = await publicRegisterRepository.findMunicipalityByCode(db, query.municipality);
      if (!municipality) throw notFound('Municipality');
      const settings = await publicRegisterRepository.settings(db, municipality.id);
      if (!settings.enabled) throw notFound('Public register');
      const page = await publicRegisterRepository.listSystems(db, municipality.id, settings, query);
      return {
        municipality: { code: municipality.code, name: municipality.name },
        fields: settings.fields,
        items: page.rows.map((row) => publish(row, settings.fields)),
        total: page.total,
        nextCursor: page.nextCursor,
      };
    },
  };
}

export type PublicRegisterService = ReturnType<typeof createPublicRegisterService>;
