/**
 * Takeover guard for the alert engine of a production worker. Only the alert leader evaluates (see
 * `worker/alert-leader.ts`), but a worker that takes over from a dead leader starts with an empty engine: a condition
 * that is still true would fire as a new alert and page the on-call a second time. The guard makes the new leader
 * adopt the episode the previous leader left open in the shared alert history (same fingerprint, not resolved):
 * its history writes go to the old record (same id and `firedAt`, acknowledgement kept), its first firing notice per
 * channel and escalation level already reached is not sent again, and an acknowledged episode gets no repeats or
 * escalations. Resolved notices are sent as usual, so the upstream incident still closes.
 */
import {
  GLOBAL_TENANT_ID,
  type AlertRecord,
  type MetricsRepository,
  type Notifier,
} from '@enterprisehub/core';
import type { AlertChannel } from '@enterprisehub/observability';

interface AdoptedEpisode {
  /** The previous leader's record. */
  record: AlertRecord;
  /** `firedAt` of this engine's episode for the same fingerprint. */
  engineFiredAt: number;
  /** `channel:level` pairs whose (already sent) first notice was held back. */
  held: Set<string>;
}

/** Options of {@link guardAlertTakeover}. */
export interface AlertTakeoverOptions {
  repository: MetricsRepository;
  channels: readonly AlertChannel[];
  /** Production only; the embedded mode has one process and returns its parts unchanged. */
  enabled: boolean;
}

/** The engine's repository and channels, wrapped. */
export interface GuardedAlertParts {
  repository: MetricsRepository;
  channels: AlertChannel[];
}

const keyOf = (tenantId: string | undefined, fingerprint: string): string =>
  `${tenantId ?? GLOBAL_TENANT_ID}\u0000${fingerprint}`;

/** Forwards every member to `target` except the overridden ones (works for class instances too). */
function override<T extends object>(target: T, members: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(members, property))
        return (members as Record<PropertyKey, unknown>)[property];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(object)
        : value;
    },
  });
}

/** Wraps the alert engine's repository and channels with the takeover guard. */
export function guardAlertTakeover(options: AlertTakeoverOptions): GuardedAlertParts {
  const { repository } = options;
  if (!options.enabled) return { repository, channels: [...options.channels] };
  const adopted = new Map<string, AdoptedEpisode>();

  const findOpen = async (
    tenantId: string,
    alert: AlertRecord,
  ): Promise<AlertRecord | undefined> => {
    const open = [
      ...(await repository.listAlerts({ tenantId, status: 'firing', limit: 500 })),
      ...(await repository.listAlerts({ tenantId, status: 'acknowledged', limit: 500 })),
    ].filter(
      (record) =>
        record.fingerprint === alert.fingerprint &&
        record.id !== alert.id &&
        record.resolvedAt === undefined &&
        record.firedAt < alert.firedAt,
    );
    return open.sort((a, b) => b.firedAt - a.firedAt)[0];
  };

  const saveAlert: MetricsRepository['saveAlert'] = async (save) => {
    const { tenantId, alert } = save;
    const key = keyOf(tenantId, alert.fingerprint);
    let episode = adopted.get(key);
    if (episode && episode.engineFiredAt !== alert.firedAt) {
      adopted.delete(key);
      episode = undefined;
    }
    if (!episode && alert.status !== 'resolved') {
      const previous = await findOpen(tenantId, alert);
      if (previous) {
        episode = { record: previous, engineFiredAt: alert.firedAt, held: new Set() };
        adopted.set(key, episode);
      }
    }
    if (!episode) return repository.saveAlert(save);
    const { record } = episode;
    const keepAck = alert.status === 'firing' && record.acknowledgedAt !== undefined;
    const merged: AlertRecord = {
      ...alert,
      id: record.id,
      firedAt: record.firedAt,
      escalationLevel: Math.max(alert.escalationLevel, record.escalationLevel),
      ...(keepAck
        ? {
            status: 'acknowledged',
            acknowledgedAt: record.acknowledgedAt,
            ...(record.acknowledgedBy === undefined
              ? {}
              : { acknowledgedBy: record.acknowledgedBy }),
          }
        : {}),
    };
    await repository.saveAlert({ tenantId, alert: merged });
    if (alert.status === 'resolved') adopted.delete(key);
  };

  const guardChannel = (channel: AlertChannel): AlertChannel => {
    const notify: Notifier['notify'] = (delivery) => {
      const { notification } = delivery;
      const episode = adopted.get(keyOf(delivery.tenantId, notification.fingerprint));
      if (
        episode &&
        notification.status === 'firing' &&
        notification.firedAt === episode.engineFiredAt
      ) {
        // Acknowledged before the takeover: the previous leader's acknowledgement stops repeats and escalation.
        if (episode.record.acknowledgedAt !== undefined) return Promise.resolve();
        const level = `${channel.name}:${notification.escalationLevel}`;
        if (
          notification.escalationLevel <= episode.record.escalationLevel &&
          !episode.held.has(level)
        ) {
          episode.held.add(level);
          return Promise.resolve();
        }
      }
      return channel.notify(delivery);
    };
    return override(channel, { notify });
  };

  return {
    repository: override(repository, { saveAlert }),
    channels: options.channels.map(guardChannel),
  };
}
