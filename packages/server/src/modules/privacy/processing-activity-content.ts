import type { ProcessingActivityCreate, ProcessingActivityRecord, Processor } from '@forvalta/contracts';
import type { ProcessingActivitiesTable } from '../../platform/database-schema.ts';

/**
 * What a record of processing says, normalised (defaults filled, lists deduplicated in order):
 * the service compares two of these to tell whether an update changed the record, which decides
 * whether it loses its approval.
 */
export interface ActivityContent {
  name: string;
  purpose: string;
  legalBasis: ProcessingActivityRecord['legalBasis'];
  legalBasisNote: string | null;
  specialCategoryBasis: ProcessingActivityRecord['specialCategoryBasis'];
  criminalData: boolean;
  criminalDataBasis: string | null;
  dataSubjectCategories: string[];
  personalDataCategories: { name: string; special: boolean }[];
  recipients: string[];
  thirdCountryTransfers: { country: string; safeguard: string }[];
  retention: string | null;
  retentionPlanReference: string | null;
  technicalMeasures: string | null;
  controllerDepartmentId: string;
  controllerBoard: string | null;
  systemIds: string[];
  processors: Processor[];
  dpiaNeeded: boolean;
  dpiaDoneOn: string | null;
}

type ContentInput = Omit<ProcessingActivityCreate, 'processors'> & {
  processors?: ReadonlyArray<{ name: string; agreementSignedOn?: string | null; agreementExpiresOn?: string | null }>;
};

const unique = (values: readonly string[]) => [...new Set(values)];

/** The content of a create body, or of a record merged with an update body. */
export function contentOf(input: ContentInput | ActivityContent): ActivityContent {
  return {
    name: input.name,
    purpose: input.purpose,
    legalBasis: input.legalBasis ?? null,
    legalBasisNote: input.legalBasisNote ?? null,
    specialCategoryBasis: input.specialCategoryBasis ?? null,
    criminalData: input.criminalData ?? false,
    criminalDataBasis: input.criminalDataBasis ?? null,
    dataSubjectCategories: unique(input.dataSubjectCategories ?? []),
    personalDataCategories: (input.personalDataCategories ?? []).map((category) => ({ name: category.name, special: category.special })),
    recipients: unique(input.recipients ?? []),
    thirdCountryTransfers: (input.thirdCountryTransfers ?? []).map((transfer) => ({
      country: transfer.country,
      safeguard: transfer.safeguard,
    })),
    retention: input.retention ?? null,
    retentionPlanReference: input.retentionPlanReference ?? null,
    technicalMeasures: input.technicalMeasures ?? null,
    controllerDepartmentId: input.controllerDepartmentId,
    controllerBoard: input.controllerBoard ?? null,
    systemIds: unique(input.systemIds ?? []),
    processors: (input.processors ?? []).map((processor) => ({
      name: processor.name,
      agreementSignedOn: processor.agreementSignedOn ?? null,
      agreementExpiresOn: processor.agreementExpiresOn ?? null,
    })),
    dpiaNeeded: input.dpiaNeeded ?? false,
    dpiaDoneOn: input.dpiaDoneOn ?? null,
  };
}

/** A stored record's content, to merge an update body into. */
export function contentOfRecord(record: ProcessingActivityRecord): ActivityContent {
  return contentOf({ ...record, systemIds: record.systems.map((system) => system.id) });
}

/** The row's columns for the content (the service adds identity, review state and times). */
export function contentValues(content: ActivityContent) {
  return {
    name: content.name,
    purpose: content.purpose,
    legal_basis: content.legalBasis,
    legal_basis_note: content.legalBasisNote,
    special_category_basis: content.specialCategoryBasis,
    criminal_data: content.criminalData ? 1 : 0,
    criminal_data_basis: content.criminalDataBasis,
    data_subject_categories_json: JSON.stringify(content.dataSubjectCategories),
    personal_data_categories_json: JSON.stringify(content.personalDataCategories),
    has_special_categories: content.personalDataCategories.some((category) => category.special) ? 1 : 0,
    recipients_json: JSON.stringify(content.recipients),
    third_country_transfers_json: JSON.stringify(content.thirdCountryTransfers),
    retention: content.retention,
    retention_plan_reference: content.retentionPlanReference,
    technical_measures: content.technicalMeasures,
    controller_department_id: content.controllerDepartmentId,
    controller_board: content.controllerBoard,
    dpia_needed: content.dpiaNeeded ? 1 : 0,
    dpia_done_on: content.dpiaDoneOn,
  } satisfies Partial<ProcessingActivitiesTable>;
}
