/**
 * Admin state that must survive restarts and be shared by instances: silences, alert rules, tenants changed
 * through the API and the maintenance switch, persisted in the AdminStore and re-applied to this process.
 */
import { tenantSchema, type JsonValue, type Tenant } from '@enterprisehub/core';
import { alertRuleSchema } from '@enterprisehub/observability';
import type { Runtime } from '../runtime';

/** Setting holding the alert rules after an API change. */
export const RULES_SETTING = 'alerts.rules';
/** Setting holding tenants created or changed through the API, by id. */
export const TENANTS_SETTING = 'tenants';
/** Setting holding the maintenance switch. */
export const MAINTENANCE_SETTING = 'maintenance';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Applies silences stored by any instance to this process' alert engine (new ones, and early expiries). */
export async function syncSilences(runtime: Runtime): Promise<void> {
  const engine = runtime.observability.alerts;
  const now = runtime.clock.now();
  const stored = await runtime.stores.admin.listSilences({ endsAfter: now - 7 * 86_400_000 });
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

/** Persists the engine's rules. */
export async function saveRules(runtime: Runtime): Promise<void> {
  const rules = runtime.observability.alerts.listRules() as unknown as JsonValue;
  await runtime.stores.admin.putSetting({ name: RULES_SETTING, value: rules });
}

/** Persists one tenant changed through the API. */
export async function saveTenant(runtime: Runtime, tenant: Tenant): Promise<void> {
  const { admin } = runtime.stores;
  const stored = await admin.getSetting({ name: TENANTS_SETTING });
  const tenants = isObject(stored) ? stored : {};
  await admin.putSetting({
    name: TENANTS_SETTING,
    value: {
      ...(tenants as Record<string, JsonValue>),
      [tenant.id]: tenant as unknown as JsonValue,
    },
  });
}

/**
 * Re-applies persisted admin state to a fresh runtime: tenants changed through the API, the alert rules, the
 * maintenance switch and the silences. Invalid stored entries are skipped with a warning (never fatal).
 */
export async function restoreAdminState(runtime: Runtime): Promise<void> {
  const { admin } = runtime.stores;
  const { logger } = runtime;
  const tenants = await admin.getSetting({ name: TENANTS_SETTING });
  if (isObject(tenants)) {
    for (const [id, raw] of Object.entries(tenants)) {
      const parsed = tenantSchema.safeParse(raw);
      if (!parsed.success) {
        logger.warn({ tenantId: id }, 'stored tenant is invalid; skipped');
        continue;
      }
      try {
        runtime.tenants.upsert(parsed.data);
      } catch {
        logger.warn({ tenantId: id }, 'stored tenant conflicts with the tenant file; skipped');
      }
    }
  }
  const rules = await admin.getSetting({ name: RULES_SETTING });
  if (Array.isArray(rules)) {
    const engine = runtime.observability.alerts;
    const wanted = new Set<string>();
    for (const raw of rules) {
      const parsed = alertRuleSchema.safeParse(raw);
      if (!parsed.success) continue;
      wanted.add(parsed.data.id);
      if (engine.getRule(parsed.data.id)) engine.updateRule(parsed.data.id, parsed.data);
      else engine.addRule(parsed.data);
    }
    for (const rule of engine.listRules()) if (!wanted.has(rule.id)) engine.removeRule(rule.id);
  }
  const maintenance = await admin.getSetting({ name: MAINTENANCE_SETTING });
  if (isObject(maintenance) && typeof maintenance['enabled'] === 'boolean') {
    runtime.maintenance.enabled = maintenance['enabled'];
  }
  await syncSilences(runtime);
}
