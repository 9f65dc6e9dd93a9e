import { describe, expect, it } from 'vitest';
import { InvalidScimFilterError, parseScimFilter } from './scim-filter.ts';

describe('SCIM filters', () => {
  it('reads the equality filters a directory sends before it creates a user', () => {
    expect(parseScimFilter('userName eq "anna.berg@tanum.se"')).toEqual({ attribute: 'userName', value: 'anna.berg@tanum.se' });
    expect(parseScimFilter('externalId eq "5b1f0c3e-9a0d-4e5b-8a51-3c7d0f1e2a44"')).toEqual({
      attribute: 'externalId',
      value: '5b1f0c3e-9a0d-4e5b-8a51-3c7d0f1e2a44',
    });
    // Attribute names and the operator are case-insensitive (RFC 7644 §3.4.2.2); the full URN is allowed.
    expect(parseScimFilter('USERNAME EQ "X"')).toEqual({ attribute: 'userName', value: 'X' });
    expect(parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"')).toEqual({ attribute: 'userName', value: 'a' });
    expect(parseScimFilter('id eq "42"')).toEqual({ attribute: 'id', value: '42' });
    // A JSON string: an escaped quote is part of the value.
    expect(parseScimFilter('userName eq "o\\"brien"')).toEqual({ attribute: 'userName', value: 'o"brien' });
  });

  it('refuses every other form rather than guess', () => {
    for (const filter of [
      'userName sw "a"',
      'userName eq "a" and active eq true',
      'userName eq "a" or userName eq "b"',
      'emails[type eq "work"].value eq "a@b.se"',
      'displayName eq "Anna"',
      'userName eq a',
      'userName pr',
      '',
      'userName eq "unterminated',
    ]) {
      expect(() => parseScimFilter(filter), filter).toThrow(InvalidScimFilterError);
    }
  });
});
