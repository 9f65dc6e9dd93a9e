import {
  notificationKindRules,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  type Task,
  type TaskKind,
} from '@forvalta/contracts';
import type { Actor, SystemActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { dataVersionOf } from '../../platform/versioned-cache.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { digestMail, immediateMail } from './mail-texts.ts';
import { deliveriesOf, preferencesOf, storedDeliveries } from './notification-deliveries.ts';
import { notificationsRepository, type RecipientRow } from './notifications.repository.ts';
import type { MailOutbox } from './outbox.service.ts';

/** The to-do list, as the tasks module answers it for a person: the one source of what a message says. */
export interface TaskLists {
  listMyTasks(actor: Actor, query: { limit: number; cursor?: string }): Promise<{ items: Task[]; nextCursor: string | null }>;
}

/**
 * Notifications and digests (ADR 0035) are the recipient's own to-do list: each person's tasks are
 * asked of the tasks module with that person as the actor, exactly as their browser would, so a
 * message says no more than the list shows them, and every module's asks (ADR 0019) are in it
 * without code here. Who: people active today with a login and a role (leavers get nothing).
 */
export function createNotificationsService(db: DatabaseHandle, clock: Clock, outbox: MailOutbox, tasks: TaskLists) {
  const versioned = versionedWrites(db, clock);
  // Municipality → its data version at the last immediate scan: no write, no new urgent ask (all come from writes).
  const scannedAt = new Map<string, string>();

  /** The recipient as the actor their own session would be (the task sources need their roles and scopes). */
  function actorOf(
    recipient: RecipientRow,
    municipalityId: string,
    departments: ReadonlyArray<{ id: string; parent_id: string | null }>,
  ): Actor {
    return {
      kind: 'person',
      loginId: recipient.loginId,
      personId: recipient.personId,
      email: recipient.email,
      name: recipient.name,
      locale: recipient.locale === 'en' ? 'en' : 'sv',
      municipalityId,
      // Composed for the person by the system, not by a credential of theirs; 'token' is the kind that asks nothing of a browser.
      authenticatedBy: 'token',
      roles: recipient.grants.map((grant) => ({
        ...grant,
        departmentIds: grant.departmentId ? departmentSubtree(departments, grant.departmentId) : [],
      })),
    };
  }

  async function allTasksOf(actor: Actor): Promise<Task[]> {
    const all: Task[] = [];
    let cursor: string | undefined;
    do {
      const page = await tasks.listMyTasks(actor, { limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** Each recipient of the municipality with their deliveries and tasks, one person at a time. */
  async function forEachRecipient(
    municipalityId: string,
    work: (recipient: RecipientRow, actor: Actor, deliveries: ReturnType<typeof deliveriesOf>, tasks: Task[]) => Promise<void>,
  ) {
    const today = swedishToday(clock.now());
    const [recipients, departments] = await Promise.all([
      notificationsRepository.recipientsOf(db, municipalityId, today),
      notificationsRepository.departmentParents(db, municipalityId),
    ]);
    for (const recipient of recipients) {
      const actor = actorOf(recipient, municipalityId, departments);
      await work(recipient, actor, deliveriesOf(recipient.deliveriesJson), await allTasksOf(actor));
    }
  }

  const message = (recipient: RecipientRow, municipalityId: string, kind: string, dedupeKey: string) => ({
    municipalityId,
    loginId: recipient.loginId,
    personId: recipient.personId,
    recipient: recipient.email,
    locale: recipient.locale === 'en' ? 'en' : 'sv',
    kind,
    dedupeKey,
    sensitive: false,
  });

  return {
    /**
     * Queues a message for every ask a person wants at once and has not been told of (one per ask,
     * its step and due date). Skips a municipality in which nothing was written since its last scan.
     */
    async queueImmediate(actor: SystemActor, municipalityId: string): Promise<number> {
      if (actor.kind !== 'system' || !outbox.enabled) return 0;
      const version = `${swedishToday(clock.now())}:${await dataVersionOf(db, municipalityId)}`;
      if (scannedAt.get(municipalityId) === version) return 0;
      let queued = 0;
      await forEachRecipient(municipalityId, async (recipient, person, deliveries, list) => {
        for (const task of list) {
          if (deliveries[task.kind] !== 'immediate') continue;
          const mail = immediateMail(person.locale, recipient.name, task, outbox.publicUrl!);
          const key = `notice:${recipient.personId}:${task.id}:${task.step ?? ''}:${task.dueDate ?? ''}`;
          if (await outbox.enqueue(db, { ...message(recipient, municipalityId, task.kind, key), ...mail })) queued += 1;
        }
      });
      scannedAt.set(municipalityId, version);
      return queued;
    },

    /** Queues one digest per person for `day` with the asks they want in it; none when there are none. */
    async queueDigests(actor: SystemActor, municipalityId: string, day: string): Promise<number> {
      if (actor.kind !== 'system' || !outbox.enabled) return 0;
      let queued = 0;
      await forEachRecipient(municipalityId, async (recipient, person, deliveries, list) => {
        const items = list.filter((task) => deliveries[task.kind] === 'digest');
        if (items.length === 0) return;
        const mail = digestMail(person.locale, recipient.name, items, outbox.publicUrl!);
        if (await outbox.enqueue(db, { ...message(recipient, municipalityId, 'digest', `digest:${recipient.personId}:${day}`), ...mail }))
          queued += 1;
      });
      return queued;
    },

    getMySettings: useCase('notificationSettings.manageOwn', async ({ actor, authorise }): Promise<NotificationSettings> => {
      authorise();
      if (actor.kind !== 'person') throw forbidden('Notification settings are a person’s own.');
      const saved = await notificationsRepository.findSettings(db, municipalityOf(actor), actor.personId);
      return { preferences: preferencesOf(deliveriesOf(saved?.deliveries_json ?? null)), version: saved?.version ?? 1 };
    }),

    updateMySettings: useCase(
      'notificationSettings.manageOwn',
      async ({ actor, authorise }, expectedVersion: ExpectedVersion, input: NotificationSettingsUpdate): Promise<NotificationSettings> => {
        if (actor.kind !== 'person') {
          authorise();
          throw forbidden('Notification settings are a person’s own.');
        }
        const municipalityId = municipalityOf(actor);
        const load = async (executor: typeof db) => {
          const saved = await notificationsRepository.findSettings(executor, municipalityId, actor.personId);
          return { deliveries: deliveriesOf(saved?.deliveries_json ?? null), version: saved?.version ?? 1 };
        };
        const after = await versioned.update(actor, {
          entity: 'Notification settings',
          expectedVersion,
          load,
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const deliveries = { ...before.deliveries };
            for (const { kind, delivery } of input.preferences) {
              const rule = notificationKindRules[kind as TaskKind];
              if (delivery === 'off' && rule.required)
                throw new AppError(
                  'rule_violation',
                  `The policy requires that you hear of this (${rule.clause}): choose immediate or digest.`,
                  {
                    reason: 'notification_required',
                    requirement: rule.clause ?? undefined,
                    fieldErrors: [{ path: `preferences.${kind}`, message: 'Required by the policy.' }],
                  },
                );
              deliveries[kind] = delivery;
            }
            return notificationsRepository.saveSettings(
              transaction,
              municipalityId,
              actor.personId,
              version,
              storedDeliveries(deliveries),
              clock.now().toISOString(),
            );
          },
          audit: (before, saved) => ({
            action: 'update',
            entityType: 'notification_settings',
            entityId: actor.personId,
            before: { deliveries: before.deliveries },
            after: { deliveries: saved.deliveries },
          }),
        });
        return { preferences: preferencesOf(after.deliveries), version: after.version };
      },
    ),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
