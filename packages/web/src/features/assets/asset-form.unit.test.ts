import { describe, expect, it } from 'vitest';
import { assetBodyOf, assetValuesOf, nonStandardChoice } from './asset-form-model.ts';
import { assetListQuery, validateAssetFilters } from './asset-values.ts';

describe('the asset form', () => {
  it('starts a new asset as the IT unit’s, in use, on no network, with the system it is made from', () => {
    const values = assetValuesOf(null, { systemId: 'system-1' });
    expect(values).toMatchObject({ ownerKind: 'it_unit', lifecycle: 'in_use', network: 'none', systemIds: ['system-1'], model: null });
  });

  it('sends a non-standard asset without a model, and the owner fields only of the chosen owner', () => {
    const body = assetBodyOf({
      ...assetValuesOf(null),
      kind: 'printer',
      model: nonStandardChoice,
      nonStandardDescription: ' HP LaserJet ',
      serial: ' PR-1 ',
      ownerKind: 'department',
      ownerDepartmentId: 'school',
      ownerName: 'left over from another choice',
      ownerReason: ' Bought by the school ',
      purchaseCost: 1200,
    });
    expect(body).toMatchObject({
      kind: 'printer',
      modelId: null,
      nonStandardDescription: 'HP LaserJet',
      serial: 'PR-1',
      inventoryNumber: null,
      ownerKind: 'department',
      ownerDepartmentId: 'school',
      ownerName: null,
      ownerReason: 'Bought by the school',
      purchaseCost: 1200,
      network: 'none',
    });
  });

  it('clears another owner’s fields when the IT unit owns it, and an empty cost is none', () => {
    const body = assetBodyOf({
      ...assetValuesOf(null),
      model: 'model-1',
      ownerDepartmentId: 'school',
      ownerReason: 'old',
      purchaseCost: '',
    });
    expect(body).toMatchObject({
      modelId: 'model-1',
      nonStandardDescription: null,
      ownerDepartmentId: null,
      ownerReason: null,
      purchaseCost: null,
    });
  });

  it('leaves the network details out of an edit by someone they are withheld from', () => {
    const body = assetBodyOf({ ...assetValuesOf(null), model: 'model-1', network: 'town_hall', location: 'Server room' }, true);
    expect(body).not.toHaveProperty('network');
    expect(body).not.toHaveProperty('location');
    expect(body).not.toHaveProperty('confidentialOslParagraph');
  });
});

describe('the equipment list address', () => {
  it('keeps the ITP-6 fix links’ filters and drops what is malformed', () => {
    const filters = validateAssetFilters({
      departmentId: 'dep-1',
      ownerKind: 'department',
      network: 'moon',
      nonStandard: 'true',
      kind: 'pc',
    });
    expect(filters).toEqual({ departmentId: 'dep-1', ownerKind: 'department', nonStandard: true, kind: 'pc' });
    expect(assetListQuery(filters)).toMatchObject({
      departmentId: 'dep-1',
      ownerKind: 'department',
      nonStandard: 'true',
      kind: 'pc',
      network: undefined,
    });
  });
});
