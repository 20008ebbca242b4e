import { GLOBAL_TENANT_ID, toEnterpriseHubError } from '@enterprisehub/core';
import type { Alert } from './alert';
import type { AlertDelivery } from './alert-dispatcher';
import { entryLabels, toAlertView } from './alert-entry';
import { toAlertRecord } from './alert-record';
import { expandSeries, indexSnapshots } from './alert-series';
import type { AlertSourceSnapshot } from './alert-source';
import { applySeries, resolveEntry, type AlertEdges } from './alert-transitions';
import type { EngineContext } from './engine-context';
import { findInhibitors } from './inhibition-rule';
import { notifyFiring, notifyResolved, saveRecord } from './notify-alert';

/** What one evaluation did. */
export interface AlertEvaluationReport {
  /** Evaluation time, epoch ms. */
  readonly at: number;
  /** Whether the source answered (when it failed, states were left unchanged). */
  readonly sourceOk: boolean;
  /** Pending and firing alerts after the evaluation. */
  readonly alerts: readonly Alert[];
  /** Alerts that started firing. */
  readonly fired: readonly Alert[];
  /** Alerts that resolved. */
  readonly resolved: readonly Alert[];
  /** Every notification attempt. */
  readonly deliveries: readonly AlertDelivery[];
}

const NOTICE_RETENTION_MS = 86_400_000;

async function readSnapshots(
  context: EngineContext,
  at: number,
): Promise<AlertSourceSnapshot[] | undefined> {
  const windows = [
    ...new Set(
      context.rules
        .list()
        .filter((rule) => rule.enabled)
        .map((rule) => rule.window),
    ),
  ];
  try {
    const result = await context.source({ at, windows });
    return Array.isArray(result)
      ? [...(result as readonly AlertSourceSnapshot[])]
      : [result as AlertSourceSnapshot];
  } catch (error) {
    context.onError(toEnterpriseHubError(error), { operation: 'source' });
    return undefined;
  }
}

function transition(
  context: EngineContext,
  snapshots: AlertSourceSnapshot[],
  now: number,
): AlertEdges {
  const edges: AlertEdges = { fired: [], resolved: [] };
  const seen = new Set<string>();
  const indexed = indexSnapshots(snapshots);
  for (const rule of context.rules.list()) {
    if (!rule.enabled) continue;
    for (const series of expandSeries({ rule, indexed })) {
      seen.add(series.fingerprint);
      applySeries({ entries: context.entries, rule, series, now, edges });
    }
  }
  for (const entry of [...context.entries.values()]) {
    const rule = context.rules.get(entry.ruleId);
    if (!rule || !rule.enabled) resolveEntry({ entries: context.entries, entry, edges });
    else if (!seen.has(entry.fingerprint)) {
      entry.freshBreach = false;
      if (entry.state === 'pending') context.entries.delete(entry.fingerprint);
    }
  }
  return edges;
}

function updateSuppression(context: EngineContext): void {
  const firing = [...context.entries.values()]
    .filter((entry) => entry.state === 'firing')
    .map((entry) => ({ entry, fingerprint: entry.fingerprint, labels: entryLabels(entry) }));
  for (const target of firing) {
    const silencedBy = context.silences.matching(target.labels);
    const inhibitedBy = findInhibitors({ rules: context.inhibitionRules, target, firing });
    target.entry.suppression =
      silencedBy.length > 0 || inhibitedBy.length > 0
        ? Object.freeze({ silencedBy, inhibitedBy })
        : undefined;
  }
}

/**
 * One evaluation: read the source, move alerts through their states, apply silences and inhibitions, then
 * notify (edges, escalation, repeats) and record history.
 *
 * @internal
 */
export async function runEvaluation(context: EngineContext): Promise<AlertEvaluationReport> {
  const now = context.clock.now();
  const snapshots = await readSnapshots(context, now);
  const alerts = (): Alert[] => [...context.entries.values()].map((entry) => toAlertView(entry));
  if (!snapshots)
    return { at: now, sourceOk: false, alerts: alerts(), fired: [], resolved: [], deliveries: [] };
  const edges = transition(context, snapshots, now);
  updateSuppression(context);
  for (const entry of edges.fired) {
    const tenantId = entry.tenantId ?? GLOBAL_TENANT_ID;
    context.events?.emit('alert.fired', {
      tenantId,
      at: now,
      ruleId: entry.ruleId,
      severity: entry.severity,
      fingerprint: entry.fingerprint,
    });
    await saveRecord(context, entry, toAlertRecord(entry, 'firing'));
  }
  const firing = [...context.entries.values()].filter((entry) => entry.state === 'firing');
  const batches = await Promise.all([
    ...edges.resolved.map((entry) => notifyResolved(context, entry, now)),
    ...firing.map((entry) => notifyFiring(context, entry, now)),
  ]);
  for (const [fingerprint, at] of context.lastNotice) {
    if (now - at > NOTICE_RETENTION_MS && !context.entries.has(fingerprint))
      context.lastNotice.delete(fingerprint);
  }
  return {
    at: now,
    sourceOk: true,
    alerts: alerts(),
    fired: edges.fired.map((entry) => toAlertView(entry)),
    resolved: edges.resolved.map((entry) => toAlertView(entry, 'resolved', now)),
    deliveries: batches.flat(),
  };
}
