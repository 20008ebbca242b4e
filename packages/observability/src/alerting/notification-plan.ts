import type { AlertEntry } from './alert-entry';
import type { AlertRule } from './alert-rule';
import type { EscalationPolicy } from './escalation-policy';

/** How often channels that failed are retried while nothing else is due, ms. */
const FAILED_RETRY_INTERVAL_MS = 60_000;

/**
 * Which channels a firing alert notifies now, at which level, and why.
 *
 * @internal
 */
export interface NotificationPlan {
  /** Channel references (names or kinds). */
  references: string[];
  /** Escalation level after this notification. */
  level: number;
  /** Why: first notice, severity upgrade, escalation, repeat after cooldown, or retry of failed channels. */
  reason: 'initial' | 'upgrade' | 'escalation' | 'repeat' | 'retry';
}

/** Options for {@link planNotification}. */
interface PlanOptions {
  entry: AlertEntry;
  rule: AlertRule;
  policy: EscalationPolicy | undefined;
  now: number;
  /** Last firing notice for this fingerprint in any episode (flap protection). */
  lastNoticeAt: number | undefined;
}

/**
 * Decides the next firing notification of an unsuppressed firing alert, or `undefined` when nothing is due.
 * Acknowledged alerts neither escalate nor repeat; a re-fire within the cooldown of the previous notice waits.
 *
 * @internal
 */
export function planNotification(options: PlanOptions): NotificationPlan | undefined {
  const { entry, rule, policy, now, lastNoticeAt } = options;
  if (entry.acknowledgedAt !== undefined) return undefined;
  if (entry.upgraded) return { references: [...rule.channels], level: 1, reason: 'upgrade' };
  if (entry.escalationLevel === 0) {
    if (lastNoticeAt !== undefined && now - lastNoticeAt < rule.cooldownMs) return undefined;
    return { references: [...rule.channels], level: 1, reason: 'initial' };
  }
  const references = new Set<string>();
  let level = entry.escalationLevel;
  let reason: NotificationPlan['reason'] | undefined;
  const ladderStart = entry.ladderStartedAt;
  if (
    policy?.enabled === true &&
    policy.severities.includes(entry.severity) &&
    ladderStart !== undefined
  ) {
    const due = policy.levels.filter(
      (step) => step.level > level && now - ladderStart >= step.afterMs,
    );
    for (const step of due) {
      for (const channel of step.channels) references.add(channel);
      level = Math.max(level, step.level);
      reason = 'escalation';
    }
  }
  const sinceLast =
    entry.lastNotifiedAt === undefined ? Number.POSITIVE_INFINITY : now - entry.lastNotifiedAt;
  if (entry.freshBreach && sinceLast >= rule.cooldownMs) {
    for (const channel of [...entry.notifiedChannels, ...entry.failedChannels])
      references.add(channel);
    reason ??= 'repeat';
  } else if (
    entry.failedChannels.size > 0 &&
    (reason !== undefined || sinceLast >= FAILED_RETRY_INTERVAL_MS)
  ) {
    for (const channel of entry.failedChannels) references.add(channel);
    reason ??= 'retry';
  }
  return reason === undefined ? undefined : { references: [...references], level, reason };
}
