import { describe, expect, it } from 'vitest';
import { agreementAttention, mailboxProblems, monthsAhead } from './privacy-values.ts';
import { activityBodyOf, activityValuesOf } from './processing-form-model.ts';

describe('the record of processing form', () => {
  it('starts a record from a system with the system and its owner as the controller', () => {
    const values = activityValuesOf(null, { systemId: 'system-1', controllerDepartmentId: 'care' });
    expect(values.systemIds).toEqual(['system-1']);
    expect(values.controllerDepartmentId).toBe('care');
  });

  it('sends the two category lists as one flagged list, empty texts as null and blank rows left out', () => {
    const values = {
      ...activityValuesOf(null),
      name: ' Hemtjänst ',
      purpose: 'Planera insatser',
      controllerDepartmentId: 'care',
      ordinaryCategories: ['Namn', ' '],
      specialCategories: ['Hälsa'],
      specialCategoryBasis: 'health_or_social_care' as const,
      processors: [
        { name: 'Leverantör AB', agreementSignedOn: '2025-01-10', agreementExpiresOn: null },
        { name: ' ', agreementSignedOn: null, agreementExpiresOn: null },
      ],
      thirdCountryTransfers: [{ country: '', safeguard: '' }],
      criminalDataBasis: 'ignored without criminal data',
    };
    const body = activityBodyOf(values);
    expect(body).toMatchObject({
      name: 'Hemtjänst',
      retention: null,
      criminalDataBasis: null,
      specialCategoryBasis: 'health_or_social_care',
      personalDataCategories: [
        { name: 'Namn', special: false },
        { name: 'Hälsa', special: true },
      ],
      processors: [{ name: 'Leverantör AB', agreementSignedOn: '2025-01-10', agreementExpiresOn: null }],
      thirdCountryTransfers: [],
    });
    // Without special categories the art. 9 exception is not sent.
    expect(activityBodyOf({ ...values, specialCategories: [] }).specialCategoryBasis).toBeNull();
  });
});

describe('processor agreements', () => {
  it('looks a number of months ahead, on the last day of a shorter month', () => {
    expect(monthsAhead('2026-01-15', 3)).toBe('2026-04-15');
    expect(monthsAhead('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('names an unsigned, expired or expiring agreement', () => {
    const today = '2026-12-03';
    const by = '2027-03-03';
    expect(agreementAttention({ agreementSignedOn: null, agreementExpiresOn: null }, today, by)).toBe('unsigned');
    expect(agreementAttention({ agreementSignedOn: '2024-01-01', agreementExpiresOn: '2026-12-01' }, today, by)).toBe('expired');
    expect(agreementAttention({ agreementSignedOn: '2024-01-01', agreementExpiresOn: '2027-02-01' }, today, by)).toBe('expiring');
    expect(agreementAttention({ agreementSignedOn: '2024-01-01', agreementExpiresOn: null }, today, by)).toBeNull();
  });
});

describe("the record of processing form's confidentiality mark", () => {
  it('sends the OSL paragraph trimmed, and an emptied field as null, which lifts the mark', () => {
    const base = { ...activityValuesOf(null), name: 'Loggning', purpose: 'Upptäcka intrång', controllerDepartmentId: 'it' };
    expect(activityBodyOf({ ...base, confidentialOslParagraph: ' 18 kap. 8 § OSL ' }).confidentialOslParagraph).toBe('18 kap. 8 § OSL');
    expect(activityBodyOf({ ...base, confidentialOslParagraph: '  ' }).confidentialOslParagraph).toBeNull();
  });
});

describe('what leaves a mailbox uncovered', () => {
  const person = (id: string, employmentStatus: 'active' | 'left' = 'active') => ({ id, name: id, employmentStatus });
  it('names a missing or departed responsible and deputy, and a responsible who is their own deputy', () => {
    expect(mailboxProblems({ responsible: person('anna'), deputies: [person('bo')] })).toEqual([]);
    expect(mailboxProblems({ responsible: null, deputies: [person('bo')] })).toEqual(['noResponsible']);
    expect(mailboxProblems({ responsible: person('anna', 'left'), deputies: [person('bo')] })).toEqual(['responsibleLeft']);
    expect(mailboxProblems({ responsible: person('anna'), deputies: [] })).toEqual(['noDeputy']);
    expect(mailboxProblems({ responsible: person('anna'), deputies: [person('anna')] })).toEqual(['noDeputy']);
    expect(mailboxProblems({ responsible: person('anna'), deputies: [person('bo', 'left')] })).toEqual(['deputyLeft']);
    expect(mailboxProblems({ responsible: person('anna'), deputies: [person('bo', 'left'), person('cai')] })).toEqual([]);
  });
});
