import type { NotificationDelivery, Role, TaskKind } from '@forvalta/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const accountKeys = {
  secondFactor: ['me', 'second-factor'] as const,
  requirement: ['second-factor-requirement'] as const,
  notifications: ['me', 'notification-settings'] as const,
};

/** My e-mail notifications per kind of ask (issue #18). */
export const notificationSettingsQuery = queryOptions({
  queryKey: accountKeys.notifications,
  queryFn: ({ signal }) => api.get('/me/notification-settings', { signal }),
});

/** My second factor: on or off, recovery codes left, whether a role of mine requires it. */
export const secondFactorStatusQuery = queryOptions({
  queryKey: accountKeys.secondFactor,
  queryFn: ({ signal }) => api.get('/me/second-factor', { signal }),
});

/** The roles of the municipality that must use a second factor (the settings page). */
export const secondFactorRequirementQuery = queryOptions({
  queryKey: accountKeys.requirement,
  queryFn: ({ signal }) => api.get('/second-factor-requirement', { signal }),
});

/* The account's writes: each a call of the typed client, so the components name no route. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post('/me/password', { body: { currentPassword, newPassword } });
export const startSecondFactorEnrolment = () => api.post('/me/second-factor/enrolment');
export const confirmSecondFactor = (code: string) => api.post('/me/second-factor/confirmation', { body: { code } });
export const renewRecoveryCodes = (code: string) => api.post('/me/second-factor/recovery-codes', { body: { code } });
export const disableSecondFactor = (currentPassword: string, code: string) =>
  api.post('/me/second-factor/disable', { body: { currentPassword, code } });
export const saveSecondFactorRequirement = (roles: Role[], version: number | undefined) =>
  api.put('/second-factor-requirement', { body: { roles }, ...(version === undefined ? {} : { version }) });
export const saveNotificationSettings = (
  preferences: Array<{ kind: TaskKind; delivery: NotificationDelivery }>,
  version: number | undefined,
) => api.put('/me/notification-settings', { body: { preferences }, ...(version === undefined ? {} : { version }) });
