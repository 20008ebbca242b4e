import type { Notifier } from '@enterprisehub/core';

/**
 * A core `Notifier` with the optional routing flags the alert engine reads. Any plain `Notifier` is a valid
 * channel (it then receives resolved notices and no acknowledgements).
 */
export interface AlertChannel extends Notifier {
  /** Whether the channel wants `resolved` notices; default `true`. */
  readonly sendResolved?: boolean;
  /**
   * Whether the channel mirrors acknowledgements upstream (status `acknowledged`); default `true` for channels
   * whose kind or name is `pagerduty` or `opsgenie`, `false` otherwise.
   */
  readonly supportsAcknowledge?: boolean;
}

/** Whether `channel` should receive resolved notices. */
export function wantsResolved(channel: AlertChannel): boolean {
  return channel.sendResolved ?? true;
}

/** Whether `channel` should receive acknowledgements. */
export function wantsAcknowledge(channel: AlertChannel): boolean {
  const upstream = (value: string): boolean => value === 'pagerduty' || value === 'opsgenie';
  return channel.supportsAcknowledge ?? (upstream(channel.kind) || upstream(channel.name));
}
