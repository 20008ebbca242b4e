/**
 * Admin state that must survive restarts and reach every instance: silences, alert rules, alert
 * acknowledgements, tenants changed through the API and the maintenance switch. The admin routes persist them in
 * the AdminStore; every process (web and worker) re-applies them at start and then every `intervalMs`, so a change
 * made on a web instance reaches the worker whose alert engine evaluates and whose bots answer.
 */
import { tenantSchema, type AlertRecord, type JsonValue, type Tenant } from '@enterprisehub/core';
import { alertRuleSchema } from '@enterprisehub/observability';
import type { Runtime } from '../runtime';

/** Setting holding the alert rules after an API change. */
export const RULES_SETTING = 'alerts.rules';
/** Setting holding acknowledgements made on a process whose engine did not track the alert. */
export const ACKS_SETTING = 'alerts.acks';
/** Setting holding tenants created or changed through the API, by id. */
export const TENANTS_SETTING = 'tenants';
/** Setting holding the maintenance switch. */
export const MAINTENANCE_SETTING = 'maintenance';
/** Default interval between two synchronisations, ms. */
export const ADMIN_SYNC_INTERVAL_MS = 30_000;

const DAY_MS = 86_400_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface StoredAck {
  id: string;
  by: string;
  at: number;
}

const isAck = (value: unknown): value is StoredAck =>
  isObject(value) &&
  typeof value['id'] === 'string' &&
  typeof value['by'] === 'string' &&
  typeof value['at'] === 'number';

/** Applies silences stored by any instance to this process' alert engine (new ones, and early expiries). */
export async function syncSilences(runtime: Runtime): Promise<void> {
  const engine = runtime.observability.alerts;
  const now = runtime.clock.now();
  const stored = await runtime.stores.admin.listSilences({ endsAfter: now - 7 * DAY_MS });
  const local = new Map(
    engine.listSilences({ includeExpired: true }).map((silence) => [silence.id, silence]),
  );
  for (const record of stored) {
    const current = local.get(record.id);
    if (record.endsAt <= now) {
      if (current && current.endsAt > now) engine.expireSilence(record.id);
      continue;
    }
    if (current && current.endsAt === record.endsAt) continue;
    engine.createSilence({
      id: record.id,
      matchers: record.matchers,
      startsAt: Math.min(record.startsAt, record.endsAt - 1),
      endsAt: record.endsAt,
      createdBy: record.createdBy,
      comment: record.comment,
    });
  }
}

/** Persists the engine's rules (the whole list: the other processes make theirs equal to it). */
export async function saveRules(runtime: Runtime): Promise<void> {
  const rules = runtime.observability.alerts.listRules() as unknown as JsonValue;
  await runtime.stores.admin.putSetting({ name: RULES_SETTING, value: rules });
}

/** Persists one tenant changed through the API. */
export async function saveTenant(runtime: Runtime, tenant: Tenant): Promise<void> {
  const { admin } = runtime.stores;
  const stored = await admin.getSetting({ name: TENANTS_SETTING });
  const tenants = (isObject(stored) ? stored : {}) as Record<string, JsonValue>;
  await admin.putSetting({
    name: TENANTS_SETTING,
    value: { ...tenants, [tenant.id]: tenant as unknown as JsonValue },
  });
}

/**
 * Records an acknowledgement for the process that tracks the alert (the worker's engine) and marks the history
 * record acknowledged at once.
 */
export async function saveAcknowledgement(
  runtime: Runtime,
  options: { record: AlertRecord; tenantId: string; by: string },
): Promise<AlertRecord> {
  const { admin, metrics } = runtime.stores;
  const now = runtime.clock.now();
  const stored = await admin.getSetting({ name: ACKS_SETTING });
  const acks = (Array.isArray(stored) ? (stored as unknown[]) : [])
    .filter(isAck)
    .filter((ack) => ack.at > now - DAY_MS);
  acks.push({ id: options.record.id, by: options.by, at: now });
  await admin.putSetting({ name: ACKS_SETTING, value: acks as unknown as JsonValue });
  const acknowledged: AlertRecord = {
    ...options.record,
    status: 'acknowledged',
    acknowledgedAt: now,
    acknowledgedBy: options.by,
  };
  await metrics.saveAlert({ tenantId: options.tenantId, alert: acknowledged });
  return acknowledged;
}

async function syncTenants(runtime: Runtime): Promise<void> {
  const stored = await runtime.stores.admin.getSetting({ name: TENANTS_SETTING });
  if (!isObject(stored)) return;
  for (const [id, raw] of Object.entries(stored)) {
    const parsed = tenantSchema.safeParse(raw);
    if (!parsed.success) {
      runtime.logger.warn({ tenantId: id }, 'stored tenant is invalid; skipped');
      continue;
    }
    if (JSON.stringify(runtime.tenants.get(id)) === JSON.stringify(parsed.data)) continue;
    try {
      runtime.tenants.upsert(parsed.data);
    } catch {
      runtime.logger.warn({ tenantId: id }, 'stored tenant conflicts with another tenant; skipped');
    }
  }
}

async function syncRules(runtime: Runtime): Promise<void> {
  const stored = await runtime.stores.admin.getSetting({ name: RULES_SETTING });
  if (!Array.isArray(stored)) return;
  const engine = runtime.observability.alerts;
  const wanted = new Set<string>();
  for (const raw of stored) {
    const parsed = alertRuleSchema.safeParse(raw);
    if (!parsed.success) continue;
    const rule = parsed.data;
    wanted.add(rule.id);
    const current = engine.getRule(rule.id);
    if (!current) engine.addRule(rule);
    else if (JSON.stringify(current) !== JSON.stringify(rule)) engine.updateRule(rule.id, rule);
  }
  for (const rule of engine.listRules()) if (!wanted.has(rule.id)) engine.removeRule(rule.id);
}

async function syncAcknowledgements(runtime: Runtime): Promise<void> {
  const stored = await runtime.stores.admin.getSetting({ name: ACKS_SETTING });
  if (!Array.isArray(stored)) return;
  const engine = runtime.observability.alerts;
  const firing = new Map(engine.alerts({ state: 'firing' }).map((alert) => [alert.id, alert]));
  for (const ack of (stored as unknown[]).filter(isAck)) {
    const alert = firing.get(ack.id);
    if (!alert || alert.acknowledgedAt !== undefined) continue;
    await engine.acknowledge({ fingerprint: ack.id, by: ack.by });
  }
}

/** Re-applies the persisted admin state to this process once. Invalid stored entries are skipped. */
export async function syncAdminState(runtime: Runtime): Promise<void> {
  await syncTenants(runtime);
  await syncRules(runtime);
  const maintenance = await runtime.stores.admin.getSetting({ name: MAINTENANCE_SETTING });
  if (isObject(maintenance) && typeof maintenance['enabled'] === 'boolean') {
    runtime.maintenance.enabled = maintenance['enabled'];
  }
  await syncSilences(runtime);
  await syncAcknowledgements(runtime);
}

/**
 * Applies the persisted admin state now, then every `intervalMs` on the runtime clock until the runtime closes.
 * Failures are logged and retried at the next tick (never fatal). Safe to call once per process.
 */
export async function startAdminStateSync(
  runtime: Runtime,
  intervalMs: number = ADMIN_SYNC_INTERVAL_MS,
): Promise<void> {
  const run = (): Promise<void> =>
    syncAdminState(runtime).catch((error: unknown) => {
      runtime.logger.warn({ error }, 'admin state sync failed');
    });
  await run();
  let stopped = false;
  let timer: { cancel(): void } | undefined;
  const schedule = (): void => {
    timer = runtime.clock.setTimer(() => {
      if (stopped) return;
      void run().finally(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
  };
  schedule();
  runtime.onClose(() => {
    stopped = true;
    timer?.cancel();
  });
}
