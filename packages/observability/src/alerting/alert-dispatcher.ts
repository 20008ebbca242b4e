import {
  toEnterpriseHubError,
  type AlertNotification,
  type Clock,
  type EnterpriseHubError,
} from '@enterprisehub/core';
import type { AlertChannel } from '../channels/alert-channel';

/** Outcome of delivering one notification to one channel. */
export interface AlertDelivery {
  /** Alert fingerprint. */
  readonly fingerprint: string;
  /** Channel name. */
  readonly channel: string;
  /** Notification status sent. */
  readonly status: AlertNotification['status'];
  /** Escalation level of the notification. */
  readonly escalationLevel: number;
  /** Whether the channel accepted it. */
  readonly ok: boolean;
  /** Error code when it did not. */
  readonly errorCode?: string;
}

/** Receives channel and history failures (already PII-free `EnterpriseHubError`s). */
export type AlertErrorHandler = (
  error: EnterpriseHubError,
  context: {
    operation: 'deliver' | 'history' | 'source' | 'evaluate';
    channel?: string;
    fingerprint?: string;
  },
) => void;

/** Options for {@link createAlertDispatcher}. */
export interface AlertDispatcherOptions {
  /** Configured channels. */
  channels: readonly AlertChannel[];
  /** Clock for the delivery timeout. */
  clock: Clock;
  /** Upper bound for one `notify` call including the channel's own retries, ms. */
  deliveryTimeoutMs: number;
  /** Failure sink. */
  onError: AlertErrorHandler;
}

/**
 * Resolves channel references and delivers notifications in parallel.
 *
 * @internal
 */
export interface AlertDispatcher {
  /** Channels matching the references (by name first, else every channel of that kind), deduplicated. */
  resolve(references: Iterable<string>): AlertChannel[];
  /** The channel with this name. */
  byName(name: string): AlertChannel | undefined;
  /** Delivers to each channel; never throws. */
  deliver(options: {
    channels: readonly AlertChannel[];
    notification: AlertNotification;
    tenantId: string | undefined;
  }): Promise<AlertDelivery[]>;
}

/** @internal */
export function createAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  const { channels, clock, deliveryTimeoutMs, onError } = options;
  const byName = new Map(channels.map((channel) => [channel.name, channel]));
  const sendOne = async (
    channel: AlertChannel,
    notification: AlertNotification,
    tenantId: string | undefined,
  ): Promise<AlertDelivery> => {
    const base = {
      fingerprint: notification.fingerprint,
      channel: channel.name,
      status: notification.status,
      escalationLevel: notification.escalationLevel,
    };
    const controller = new AbortController();
    const timer = clock.setTimer(() => controller.abort(), deliveryTimeoutMs);
    try {
      await channel.notify({
        ...(tenantId === undefined ? {} : { tenantId }),
        notification,
        signal: controller.signal,
      });
      return { ...base, ok: true };
    } catch (error) {
      const wrapped = toEnterpriseHubError(error);
      onError(wrapped, {
        operation: 'deliver',
        channel: channel.name,
        fingerprint: notification.fingerprint,
      });
      return { ...base, ok: false, errorCode: wrapped.code };
    } finally {
      timer.cancel();
    }
  };
  return {
    resolve: (references) => {
      const result = new Map<string, AlertChannel>();
      for (const reference of references) {
        const named = byName.get(reference);
        const matched = named ? [named] : channels.filter((channel) => channel.kind === reference);
        for (const channel of matched) result.set(channel.name, channel);
      }
      return [...result.values()];
    },
    byName: (name) => byName.get(name),
    deliver: ({ channels: targets, notification, tenantId }) =>
      Promise.all(targets.map((channel) => sendOne(channel, notification, tenantId))),
  };
}
