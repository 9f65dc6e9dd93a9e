import type { LegalBasis, ProcessingActivity, ProcessingActivityCreate, SpecialCategoryBasis } from '@forvalta/contracts';

export interface ProcessorDraft {
  name: string;
  agreementSignedOn: string | null;
  agreementExpiresOn: string | null;
}
export interface TransferDraft {
  country: string;
  safeguard: string;
}

/**
 * The form's shape of a record of processing. The personal data categories are two lists, the
 * ordinary and the special ones (art. 9), which reads more plainly than a flag on each entry.
 */
export interface ActivityFormValues {
  name: string;
  purpose: string;
  controllerDepartmentId: string | null;
  controllerBoard: string;
  systemIds: string[];
  legalBasis: LegalBasis | null;
  legalBasisNote: string;
  specialCategoryBasis: SpecialCategoryBasis | null;
  criminalData: boolean;
  criminalDataBasis: string;
  dataSubjectCategories: string[];
  ordinaryCategories: string[];
  specialCategories: string[];
  recipients: string[];
  thirdCountryTransfers: TransferDraft[];
  retention: string;
  retentionPlanReference: string;
  technicalMeasures: string;
  processors: ProcessorDraft[];
  dpiaNeeded: boolean;
  dpiaDoneOn: string | null;
  /** The OSL paragraph the record is confidential under; empty: not marked (ADR 0030). */
  confidentialOslParagraph: string;
}

/** What a new record starts from: from a system's page, that system and its owner as the controller. */
export interface ActivityPreset {
  systemId?: string;
  controllerDepartmentId?: string;
}

export function activityValuesOf(activity: ProcessingActivity | null, preset: ActivityPreset = {}): ActivityFormValues {
  return {
    name: activity?.name ?? '',
    purpose: activity?.purpose ?? '',
    controllerDepartmentId: activity?.controllerDepartmentId ?? preset.controllerDepartmentId ?? null,
    controllerBoard: activity?.controllerBoard ?? '',
    systemIds: activity?.systems.map((system) => system.id) ?? (preset.systemId ? [preset.systemId] : []),
    legalBasis: activity?.legalBasis ?? null,
    legalBasisNote: activity?.legalBasisNote ?? '',
    specialCategoryBasis: activity?.specialCategoryBasis ?? null,
    criminalData: activity?.criminalData ?? false,
    criminalDataBasis: activity?.criminalDataBasis ?? '',
    dataSubjectCategories: activity?.dataSubjectCategories ?? [],
    ordinaryCategories: activity?.personalDataCategories.filter((category) => !category.special).map((category) => category.name) ?? [],
    specialCategories: activity?.personalDataCategories.filter((category) => category.special).map((category) => category.name) ?? [],
    recipients: activity?.recipients ?? [],
    thirdCountryTransfers: activity?.thirdCountryTransfers.map((transfer) => ({ ...transfer })) ?? [],
    retention: activity?.retention ?? '',
    retentionPlanReference: activity?.retentionPlanReference ?? '',
    technicalMeasures: activity?.technicalMeasures ?? '',
    processors: activity?.processors.map((processor) => ({ ...processor })) ?? [],
    dpiaNeeded: activity?.dpiaNeeded ?? false,
    dpiaDoneOn: activity?.dpiaDoneOn ?? null,
    confidentialOslParagraph: activity?.confidentialOslParagraph ?? '',
  };
}

const text = (value: string) => value.trim() || null;
const entries = (values: string[]) => values.map((value) => value.trim()).filter((value) => value !== '');

/** The body the API takes; an empty text is null (not decided), an empty row is left out. */
export function activityBodyOf(values: ActivityFormValues): ProcessingActivityCreate {
  const special = entries(values.specialCategories);
  return {
    name: values.name.trim(),
    purpose: values.purpose.trim(),
    controllerDepartmentId: values.controllerDepartmentId ?? '',
    controllerBoard: text(values.controllerBoard),
    systemIds: values.systemIds,
    legalBasis: values.legalBasis,
    legalBasisNote: text(values.legalBasisNote),
    // The art. 9 exception only means something for special categories.
    specialCategoryBasis: special.length > 0 ? values.specialCategoryBasis : null,
    criminalData: values.criminalData,
    criminalDataBasis: values.criminalData ? text(values.criminalDataBasis) : null,
    dataSubjectCategories: entries(values.dataSubjectCategories),
    personalDataCategories: [
      ...entries(values.ordinaryCategories).map((name) => ({ name, special: false })),
      ...special.map((name) => ({ name, special: true })),
    ],
    recipients: entries(values.recipients),
    thirdCountryTransfers: values.thirdCountryTransfers
      .map((transfer) => ({ country: transfer.country.trim(), safeguard: transfer.safeguard.trim() }))
      .filter((transfer) => transfer.country !== '' || transfer.safeguard !== ''),
    retention: text(values.retention),
    retentionPlanReference: text(values.retentionPlanReference),
    technicalMeasures: text(values.technicalMeasures),
    processors: values.processors
      .filter((processor) => processor.name.trim() !== '')
      .map((processor) => ({
        name: processor.name.trim(),
        agreementSignedOn: processor.agreementSignedOn,
        agreementExpiresOn: processor.agreementExpiresOn,
      })),
    dpiaNeeded: values.dpiaNeeded,
    dpiaDoneOn: values.dpiaDoneOn,
    confidentialOslParagraph: text(values.confidentialOslParagraph),
  };
}
