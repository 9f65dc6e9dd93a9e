import { describe, expect, it } from 'vitest';
import { applyPatch, ScimRequestError, valuesFromResource, type ProvisionedValues } from './scim-users.ts';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const anna: ProvisionedValues = {
  userName: 'anna@tanum.se',
  externalId: 'e-1',
  givenName: 'Anna',
  familyName: 'Berg',
  email: 'anna@tanum.se',
  title: null,
  active: true,
  departmentName: null,
  employeeNumber: null,
  managerId: null,
};

describe('SCIM users and PATCH', () => {
  it('reads a whole user, with names from the display name or the userName when the directory sends none', () => {
    expect(valuesFromResource({ userName: 'bo.ek@tanum.se', displayName: 'Bo Ek Lund' })).toMatchObject({
      givenName: 'Bo',
      familyName: 'Ek Lund',
      email: 'bo.ek@tanum.se',
      active: true,
    });
    expect(
      valuesFromResource({
        userName: 'x',
        active: 'False',
        emails: [
          { value: 'home@example.se', type: 'home' },
          { value: 'work@tanum.se', type: 'work' },
        ],
        [enterprise]: { manager: { value: 'm-1' }, department: ' Omsorg ' },
      }),
    ).toMatchObject({ email: 'work@tanum.se', active: false, managerId: 'm-1', departmentName: 'Omsorg' });
  });

  it('applies Entra’s operations in order, with its capitalised ops, URN paths and string booleans', () => {
    const after = applyPatch(anna, [
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'Add', path: `${enterprise}:department`, value: 'Omsorg' },
      { op: 'Add', path: `${enterprise}:manager`, value: 'm-2' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ny@tanum.se' },
      { op: 'Replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', value: 'Annika' },
      { op: 'Replace', value: { title: 'Chef', [`${enterprise}:employeeNumber`]: 'T-9' } },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '070' },
    ]);
    expect(after).toEqual({
      ...anna,
      active: false,
      departmentName: 'Omsorg',
      managerId: 'm-2',
      email: 'ny@tanum.se',
      givenName: 'Annika',
      title: 'Chef',
      employeeNumber: 'T-9',
    });
    expect(applyPatch(after, [{ op: 'remove', path: `${enterprise}:manager` }]).managerId).toBeNull();
    // The input is not changed: all operations or none.
    expect(anna.active).toBe(true);
  });

  it('refuses what it cannot apply, with the scimType RFC 7644 names', () => {
    const refusal = (operations: Parameters<typeof applyPatch>[1]) => {
      try {
        applyPatch(anna, operations);
      } catch (error) {
        return error instanceof ScimRequestError ? `${error.status} ${error.scimType}` : String(error);
      }
      return 'applied';
    };
    expect(refusal([{ op: 'Replace', path: 'shoeSize', value: 42 }])).toBe('400 invalidPath');
    expect(refusal([{ op: 'Copy', path: 'title', value: 'x' }])).toBe('400 invalidSyntax');
    expect(refusal([{ op: 'Remove' }])).toBe('400 noTarget');
    expect(refusal([{ op: 'Replace', path: 'active', value: 'maybe' }])).toBe('400 invalidValue');
    expect(refusal([{ op: 'Remove', path: 'userName' }])).toBe('400 invalidValue');
    expect(refusal([{ op: 'Replace', value: 'not an object' }])).toBe('400 invalidSyntax');
  });
});
