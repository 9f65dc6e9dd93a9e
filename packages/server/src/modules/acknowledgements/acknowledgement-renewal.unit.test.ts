import { describe, expect, it } from 'vitest';
import { acknowledgementRenewal, holdsCurrentAcknowledgement, personRenewal } from './acknowledgement-renewal.ts';

describe('the one rule for asking again', () => {
  it('asks nobody for a document that needs no acknowledgement, editorial or not', () => {
    expect(acknowledgementRenewal({ requiresAcknowledgement: false, previousVersionId: null, editorial: false })).toBe('none');
    expect(acknowledgementRenewal({ requiresAcknowledgement: false, previousVersionId: 'v1', editorial: true })).toBe('none');
    expect(personRenewal('none', 'acknowledged')).toBe('nothing');
  });

  it('asks everyone for a first version, even one marked editorial (there is nothing to carry over)', () => {
    expect(acknowledgementRenewal({ requiresAcknowledgement: true, previousVersionId: null, editorial: false })).toBe('ask_everyone');
    expect(acknowledgementRenewal({ requiresAcknowledgement: true, previousVersionId: null, editorial: true })).toBe('ask_everyone');
    expect(personRenewal('ask_everyone', null)).toBe('asked');
  });

  it('asks everyone again for a version that changes content, those who acknowledged the old one included', () => {
    const renewal = acknowledgementRenewal({ requiresAcknowledgement: true, previousVersionId: 'v1', editorial: false });
    expect(renewal).toBe('ask_again');
    expect(personRenewal(renewal, 'acknowledged')).toBe('asked');
    expect(personRenewal(renewal, 'requested')).toBe('asked');
    expect(personRenewal(renewal, null)).toBe('asked');
  });

  it('carries acknowledgements and open requests over for an editorial version: nobody is asked again', () => {
    const renewal = acknowledgementRenewal({ requiresAcknowledgement: true, previousVersionId: 'v1', editorial: true });
    expect(renewal).toBe('carry_over');
    expect(personRenewal(renewal, 'acknowledged')).toBe('acknowledgement_carries_over');
    expect(personRenewal(renewal, 'requested')).toBe('request_carries_over');
    // Someone who joined the audience since was never asked: the editorial version asks them once.
    expect(personRenewal(renewal, null)).toBe('asked');
    expect(personRenewal(renewal, 'withdrawn')).toBe('asked');
  });

  it('counts only an acknowledgement of the current version', () => {
    expect(holdsCurrentAcknowledgement({ versionId: 'v2', state: 'acknowledged' }, 'v2')).toBe(true);
    expect(holdsCurrentAcknowledgement({ versionId: 'v1', state: 'acknowledged' }, 'v2')).toBe(false);
    expect(holdsCurrentAcknowledgement({ versionId: 'v2', state: 'requested' }, 'v2')).toBe(false);
    expect(holdsCurrentAcknowledgement(undefined, 'v2')).toBe(false);
    expect(holdsCurrentAcknowledgement({ versionId: 'v2', state: 'acknowledged' }, null)).toBe(false);
  });
});
