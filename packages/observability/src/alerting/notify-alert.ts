import { GLOBAL_TENANT_ID, toEnterpriseHubError, type AlertRecord } from '@enterprisehub/core';
import { wantsResolved } from '../channels/alert-channel';
import type { AlertDelivery } from './alert-dispatcher';
import { toAlertView, type AlertEntry } from './alert-entry';
import { toAlertRecord } from './alert-record';
import { buildAlertNotification } from './build-alert-notification';
import type { EngineContext } from './engine-context';
import { planNotification } from './notification-plan';

/**
 * Saves a history record; failures go to `onError`.
 *
 * @internal
 */
export async function saveRecord(
  context: EngineContext,
  entry: AlertEntry,
  record: AlertRecord,
): Promise<void> {
  try {
    await context.history.save({ tenantId: entry.tenantId, record });
  } catch (error) {
    context.onError(toEnterpriseHubError(error), {
      operation: 'history',
      fingerprint: entry.fingerprint,
    });
  }
}

/**
 * Emits `alert.resolved`, records the resolution and sends resolved notices to the notified channels that
 * want them.
 *
 * @internal
 */
export async function notifyResolved(
  context: EngineContext,
  entry: AlertEntry,
  now: number,
): Promise<AlertDelivery[]> {
  const tenantId = entry.tenantId ?? GLOBAL_TENANT_ID;
  context.events?.emit('alert.resolved', {
    tenantId,
    at: now,
    ruleId: entry.ruleId,
    fingerprint: entry.fingerprint,
  });
  await saveRecord(context, entry, toAlertRecord(entry, 'resolved', now));
  const channels = [...entry.notifiedChannels]
    .flatMap((name) => context.dispatcher.byName(name) ?? [])
    .filter((channel) => wantsResolved(channel));
  if (channels.length === 0) return [];
  const rule = context.rules.get(entry.ruleId);
  const notification = buildAlertNotification({
    alert: toAlertView(entry, 'resolved', now),
    status: 'resolved',
    escalationLevel: entry.escalationLevel,
    resolvedAt: now,
    ...(rule?.description === undefined ? {} : { description: rule.description }),
    ...(rule ? { annotations: rule.annotations } : {}),
    ...(context.externalUrl === undefined ? {} : { externalUrl: context.externalUrl }),
  });
  return context.dispatcher.deliver({ channels, notification, tenantId: entry.tenantId });
}

/**
 * Sends the firing notification that is due for an unsuppressed alert (first notice, severity upgrade,
 * escalation, repeat or retry), if any, and records escalation changes.
 *
 * @internal
 */
export async function notifyFiring(
  context: EngineContext,
  entry: AlertEntry,
  now: number,
): Promise<AlertDelivery[]> {
  const rule = context.rules.get(entry.ruleId);
  if (!rule || entry.suppression !== undefined) return [];
  const plan = planNotification({
    entry,
    rule,
    policy: context.policy,
    now,
    lastNoticeAt: context.lastNotice.get(entry.fingerprint),
  });
  if (!plan) return [];
  const levelChanged = plan.level !== entry.escalationLevel;
  entry.escalationLevel = plan.level;
  if (plan.reason === 'initial' || plan.reason === 'upgrade') entry.ladderStartedAt = now;
  entry.upgraded = false;
  entry.lastNotifiedAt = now;
  context.lastNotice.set(entry.fingerprint, now);
  const notification = buildAlertNotification({
    alert: toAlertView(entry),
    status: 'firing',
    escalationLevel: plan.level,
    annotations: rule.annotations,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    ...(context.externalUrl === undefined ? {} : { externalUrl: context.externalUrl }),
  });
  const channels = context.dispatcher.resolve(plan.references);
  const deliveries = await context.dispatcher.deliver({
    channels,
    notification,
    tenantId: entry.tenantId,
  });
  for (const delivery of deliveries) {
    if (delivery.ok) {
      entry.notifiedChannels.add(delivery.channel);
      entry.failedChannels.delete(delivery.channel);
    } else entry.failedChannels.add(delivery.channel);
  }
  if (levelChanged) await saveRecord(context, entry, toAlertRecord(entry, 'firing'));
  return deliveries;
}
