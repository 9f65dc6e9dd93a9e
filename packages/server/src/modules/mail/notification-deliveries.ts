import {
  defaultDelivery,
  notificationDeliveries,
  notificationKindRules,
  taskKinds,
  type NotificationDelivery,
  type NotificationPreference,
  type TaskKind,
} from '@forvalta/contracts';

/** Saved choices over the defaults; an unknown kind or value in the stored JSON (an older version's) is ignored. */
export function deliveriesOf(json: string | null): Record<TaskKind, NotificationDelivery> {
  const saved = json ? (JSON.parse(json) as Record<string, string>) : {};
  return Object.fromEntries(
    taskKinds.map((kind) => {
      const value = saved[kind];
      const known = (notificationDeliveries as readonly string[]).includes(value ?? '') ? (value as NotificationDelivery) : undefined;
      // A kind the policy requires is never off, whatever was stored before the rule said so.
      const delivery = known === 'off' && notificationKindRules[kind].required ? defaultDelivery(kind) : (known ?? defaultDelivery(kind));
      return [kind, delivery];
    }),
  ) as Record<TaskKind, NotificationDelivery>;
}

export function preferencesOf(deliveries: Record<TaskKind, NotificationDelivery>): NotificationPreference[] {
  return taskKinds.map((kind) => ({ kind, delivery: deliveries[kind], required: notificationKindRules[kind].required }));
}

/** Only the choices that differ from the default are stored, so a new default reaches those who never chose. */
export function storedDeliveries(deliveries: Record<TaskKind, NotificationDelivery>): string {
  return JSON.stringify(
    Object.fromEntries(taskKinds.filter((kind) => deliveries[kind] !== defaultDelivery(kind)).map((kind) => [kind, deliveries[kind]])),
  );
}
