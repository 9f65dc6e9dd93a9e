/** The mail module's public entry (issue #18, ADR 0035): the outbox, notifications and digests, their settings and status. */
export { passwordResetMail } from './mail-texts.ts';
export { registerMailRoutes } from './mail.routes.ts';
export { createNotificationsService, type NotificationsService, type TaskLists } from './notifications.service.ts';
export { createMailOutbox, type MailOutbox, type OutboxSettings } from './outbox.service.ts';
