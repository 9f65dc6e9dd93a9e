import { describe, expect, it } from 'vitest';
import { operationIdOf, singular } from './openapi.ts';

describe('operationIdOf', () => {
  it('names reads, lists and writes of a record after the record', () => {
    expect(operationIdOf('GET', '/api/v1/systems')).toBe('listSystems');
    expect(operationIdOf('GET', '/api/v1/systems/{id}')).toBe('getSystem');
    expect(operationIdOf('POST', '/api/v1/systems')).toBe('createSystem');
    expect(operationIdOf('PATCH', '/api/v1/systems/{id}')).toBe('updateSystem');
    expect(operationIdOf('DELETE', '/api/v1/systems/{id}')).toBe('deleteSystem');
    expect(operationIdOf('PUT', '/api/v1/projects/{id}/budget')).toBe('setProjectBudget');
  });

  it('names nested records by their parent, and actions by their verb', () => {
    expect(operationIdOf('GET', '/api/v1/systems/{id}/risk-analyses/{analysisId}')).toBe('getSystemRiskAnalysis');
    expect(operationIdOf('POST', '/api/v1/systems/{id}/assignments')).toBe('createSystemAssignment');
    expect(operationIdOf('POST', '/api/v1/projects/{id}/submit')).toBe('submitProject');
    expect(operationIdOf('POST', '/api/v1/change-notices/{id}/acknowledge')).toBe('acknowledgeChangeNotice');
  });

  it('marks the public API, and takes a singleton for what it is', () => {
    expect(operationIdOf('GET', '/public/v1/systems')).toBe('listPublicSystems');
    expect(operationIdOf('GET', '/api/v1/me')).toBe('getMe');
    expect(operationIdOf('GET', '/api/v1/public-register-settings')).toBe('getPublicRegisterSettings');
    expect(operationIdOf('POST', '/api/v1/auth/login')).toBe('login');
  });

  it('makes plural words singular', () => {
    expect(['systems', 'analyses', 'categories', 'people', 'addresses', 'status', 'settings'].map(singular)).toEqual([
      'system',
      'analysis',
      'category',
      'person',
      'address',
      'status',
      'settings',
    ]);
  });
});
