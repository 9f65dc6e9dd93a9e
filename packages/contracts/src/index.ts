export * from './common.ts';
export * from './roles.ts';
export * from './organisation.ts';
export * from './auth.ts';
export * from './systems.ts';
export * from './compliance.ts';
