import { mailStatusSchema, notificationSettingsSchema, notificationSettingsUpdateSchema } from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { NotificationsService } from './notifications.service.ts';
import type { MailOutbox } from './outbox.service.ts';

export function registerMailRoutes(app: ApiApp, services: { notifications: NotificationsService; outbox: MailOutbox }): void {
  const { notifications, outbox } = services;
  app.get(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags: ['Session'],
        summary: 'My e-mail notifications: per kind of ask, immediate, in the daily digest, or off (where the policy allows)',
        response: { 200: notificationSettingsSchema, ...problemResponses },
      },
      config: { permission: notifications.getMySettings.permission },
    },
    async (request, reply) => {
      const settings = await notifications.getMySettings(actorOf(request));
      setVersionTag(reply, settings.version);
      return settings;
    },
  );

  app.put(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags: ['Session'],
        summary: 'Choose how I hear of each kind of ask (If-Match required); off is refused for what the policy requires',
        body: notificationSettingsUpdateSchema,
        response: { 200: notificationSettingsSchema, ...writeProblemResponses },
      },
      config: { permission: notifications.updateMySettings.permission },
    },
    async (request, reply) => {
      const settings = await notifications.updateMySettings(actorOf(request), expectedVersion(request), request.body);
      setVersionTag(reply, settings.version);
      return settings;
    },
  );

  app.get(
    '/api/v1/mail/status',
    {
      schema: {
        tags: ['Scheduled jobs'],
        summary: "SMTP and this municipality's outbox: last message sent, queue, failures (administrators; no secrets)",
        response: { 200: mailStatusSchema, ...problemResponses },
      },
      config: { permission: outbox.status.permission },
    },
    (request) => outbox.status(actorOf(request)),
  );
}
