import type { AlertSeverity } from '@enterprisehub/core';

/** Lifecycle state of an alert: inactive alerts are not tracked, resolved ones live in the history. */
export type AlertState = 'inactive' | 'pending' | 'firing' | 'resolved';

/** Why a firing alert is currently not notified. */
export interface AlertSuppression {
  /** Ids of the active silences that match it. */
  readonly silencedBy: readonly string[];
  /** Fingerprints of the firing alerts that inhibit it. */
  readonly inhibitedBy: readonly string[];
}

/** A read-only view of one tracked alert (pending, firing, or just resolved in an evaluation report). */
export interface Alert {
  /** Identity: rule + labels. */
  readonly fingerprint: string;
  /** Id of this firing episode (also the history record id); absent while pending. */
  readonly id: string | undefined;
  /** Rule id (`alertname` label). */
  readonly ruleId: string;
  /** Rule name. */
  readonly name: string;
  /** Current state. */
  readonly state: AlertState;
  /** Current severity (`warning` when only the warning threshold is crossed). */
  readonly severity: AlertSeverity;
  /** Labels: rule labels, series labels, `tenantId`, plus `alertname` and `severity`. */
  readonly labels: Readonly<Record<string, string>>;
  /** Tenant, when the source snapshot was tenant-scoped. */
  readonly tenantId: string | undefined;
  /** Metric name as fed. */
  readonly metric: string;
  /** Last value seen. */
  readonly value: number;
  /** Threshold crossed. */
  readonly threshold: number;
  /** Samples behind the last value. */
  readonly samples: number;
  /** When the condition started to hold (pending since), epoch ms. */
  readonly activeSince: number;
  /** When it started firing, epoch ms. */
  readonly firedAt: number | undefined;
  /** When it resolved, epoch ms. */
  readonly resolvedAt: number | undefined;
  /** When it was acknowledged, epoch ms. */
  readonly acknowledgedAt: number | undefined;
  /** Who acknowledged it. */
  readonly acknowledgedBy: string | undefined;
  /** Highest escalation level notified (0 = not notified yet). */
  readonly escalationLevel: number;
  /** Channels notified in this episode. */
  readonly notifiedChannels: readonly string[];
  /** When a firing notification last went out, epoch ms. */
  readonly lastNotifiedAt: number | undefined;
  /** Why it is muted right now; `undefined` when it is not. */
  readonly suppression: AlertSuppression | undefined;
}
