import type { Asset, AssetCreate, AssetKind, AssetLifecycle, AssetNetwork, AssetOwnerKind } from '@forvalta/contracts';

/** The model select's choice for an asset outside the catalogue (then a description is asked for). */
export const nonStandardChoice = 'non-standard';

/** The form's shape of an asset: texts as strings (empty: not stated), the model as a choice. */
export interface AssetFormValues {
  kind: AssetKind;
  /** A catalogue model's id, or nonStandardChoice. */
  model: string | null;
  nonStandardDescription: string;
  serial: string;
  inventoryNumber: string;
  ownerKind: AssetOwnerKind;
  ownerDepartmentId: string | null;
  ownerName: string;
  ownerReason: string;
  network: AssetNetwork;
  location: string;
  departmentId: string | null;
  personId: string | null;
  lifecycle: AssetLifecycle;
  purchaseDate: string | null;
  purchaseCost: number | string;
  warrantyEnd: string | null;
  note: string;
  systemIds: string[];
  confidentialOslParagraph: string;
}

/** What a new asset starts from: the IT unit owns it (§6), in use, on no network; from a system's page, that system. */
export function assetValuesOf(asset: Asset | null, preset: { systemId?: string } = {}): AssetFormValues {
  return {
    kind: asset?.kind ?? 'pc',
    model: asset ? (asset.modelId ?? nonStandardChoice) : null,
    nonStandardDescription: asset?.nonStandardDescription ?? '',
    serial: asset?.serial ?? '',
    inventoryNumber: asset?.inventoryNumber ?? '',
    ownerKind: asset?.ownerKind ?? 'it_unit',
    ownerDepartmentId: asset?.ownerDepartmentId ?? null,
    ownerName: asset?.ownerName ?? '',
    ownerReason: asset?.ownerReason ?? '',
    network: asset?.network ?? 'none',
    location: asset?.location ?? '',
    departmentId: asset?.departmentId ?? null,
    personId: asset?.personId ?? null,
    lifecycle: asset?.lifecycle ?? 'in_use',
    purchaseDate: asset?.purchaseDate ?? null,
    purchaseCost: asset?.purchaseCost ?? '',
    warrantyEnd: asset?.warrantyEnd ?? null,
    note: asset?.note ?? '',
    systemIds: asset?.systems.map((system) => system.id) ?? (preset.systemId ? [preset.systemId] : []),
    confidentialOslParagraph: asset?.confidentialOslParagraph ?? '',
  };
}

const text = (value: string) => value.trim() || null;

/**
 * The body the API takes. The owner fields other than the kind's own are sent empty, as the server
 * stores them. Network and location are left out when they were withheld from the editor, so an
 * edit never overwrites what the editor could not see.
 */
export function assetBodyOf(values: AssetFormValues, withheld = false): AssetCreate {
  const nonStandard = values.model === nonStandardChoice || values.model === null;
  const body: AssetCreate = {
    kind: values.kind,
    modelId: nonStandard ? null : values.model,
    nonStandardDescription: nonStandard ? text(values.nonStandardDescription) : null,
    serial: text(values.serial),
    inventoryNumber: text(values.inventoryNumber),
    ownerKind: values.ownerKind,
    ownerDepartmentId: values.ownerKind === 'department' ? values.ownerDepartmentId : null,
    ownerName: values.ownerKind === 'other' ? text(values.ownerName) : null,
    ownerReason: values.ownerKind === 'it_unit' ? null : text(values.ownerReason),
    departmentId: values.departmentId,
    personId: values.personId,
    lifecycle: values.lifecycle,
    purchaseDate: values.purchaseDate,
    purchaseCost: values.purchaseCost === '' ? null : Number(values.purchaseCost),
    warrantyEnd: values.warrantyEnd,
    note: text(values.note),
    systemIds: values.systemIds,
  };
  if (withheld) return body;
  return {
    ...body,
    network: values.network,
    location: text(values.location),
    confidentialOslParagraph: text(values.confidentialOslParagraph),
  };
}
