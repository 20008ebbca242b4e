import { wantsAcknowledge } from '../channels/alert-channel';
import type { AcknowledgeOptions, AcknowledgeResult } from './alert-engine';
import { toAlertView } from './alert-entry';
import { toAlertRecord } from './alert-record';
import { buildAlertNotification } from './build-alert-notification';
import type { EngineContext } from './engine-context';
import { saveRecord } from './notify-alert';

/**
 * Acknowledges a firing alert: stops its escalation ladder and repeats, records it, and sends an
 * `acknowledged` notice to the notified channels that mirror acknowledgements upstream.
 *
 * @internal
 */
export async function acknowledgeAlert(
  context: EngineContext,
  options: AcknowledgeOptions,
): Promise<AcknowledgeResult> {
  const entry =
    context.entries.get(options.fingerprint) ??
    [...context.entries.values()].find((candidate) => candidate.id === options.fingerprint);
  if (!entry || entry.state !== 'firing') return { kind: 'not_found' };
  if (entry.acknowledgedAt !== undefined)
    return { kind: 'already_acknowledged', alert: toAlertView(entry) };
  const now = context.clock.now();
  entry.acknowledgedAt = now;
  entry.acknowledgedBy = options.by;
  await saveRecord(context, entry, toAlertRecord(entry, 'acknowledged'));
  const channels = [...entry.notifiedChannels]
    .flatMap((name) => context.dispatcher.byName(name) ?? [])
    .filter((channel) => wantsAcknowledge(channel));
  const rule = context.rules.get(entry.ruleId);
  const annotations: Record<string, string> = { ...rule?.annotations };
  if (options.comment !== undefined) annotations['acknowledge_comment'] = options.comment;
  const notification = buildAlertNotification({
    alert: toAlertView(entry),
    status: 'acknowledged',
    escalationLevel: entry.escalationLevel,
    annotations,
    ...(context.externalUrl === undefined ? {} : { externalUrl: context.externalUrl }),
  });
  const deliveries =
    channels.length === 0
      ? []
      : await context.dispatcher.deliver({ channels, notification, tenantId: entry.tenantId });
  return { kind: 'acknowledged', alert: toAlertView(entry), deliveries };
}
