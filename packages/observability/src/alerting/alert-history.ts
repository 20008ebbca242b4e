import { GLOBAL_TENANT_ID, type AlertRecord, type MetricsRepository } from '@enterprisehub/core';

/** Filters for the alert history (`engine.history(query)`). */
export interface AlertHistoryQuery {
  /** Tenant; default the deployment-wide history (`GLOBAL_TENANT_ID`). */
  tenantId?: string;
  /** Only this status. */
  status?: AlertRecord['status'];
  /** Only this rule. */
  ruleId?: string;
  /** Fired at or after, epoch ms. */
  from?: number;
  /** Maximum records, newest first; default 100. */
  limit?: number;
}

/** Alert history: one record per firing episode, updated on escalation, acknowledgement and resolution. */
export interface AlertHistory {
  /** Inserts or replaces the record with `record.id`. */
  save(options: { tenantId: string | undefined; record: AlertRecord }): Promise<void>;
  /** Records, newest `firedAt` first. */
  list(query?: AlertHistoryQuery): Promise<AlertRecord[]>;
}

/**
 * Creates the alert history: through the core `MetricsRepository` port when one is given (persistent), else a
 * bounded in-memory store keeping the newest `maxRecords` records.
 */
export function createAlertHistory(options: {
  repository?: MetricsRepository;
  maxRecords?: number;
}): AlertHistory {
  const { repository } = options;
  if (repository) {
    return {
      save: ({ tenantId, record }) =>
        repository.saveAlert({ tenantId: tenantId ?? GLOBAL_TENANT_ID, alert: record }),
      list: (query = {}) =>
        repository.listAlerts({
          tenantId: query.tenantId ?? GLOBAL_TENANT_ID,
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.ruleId === undefined ? {} : { ruleId: query.ruleId }),
          ...(query.from === undefined ? {} : { from: query.from }),
          limit: query.limit ?? 100,
        }),
    };
  }
  const maxRecords = options.maxRecords ?? 1000;
  const records = new Map<string, { tenantId: string; record: AlertRecord }>();
  return {
    save: ({ tenantId, record }) => {
      records.delete(record.id);
      records.set(record.id, { tenantId: tenantId ?? GLOBAL_TENANT_ID, record });
      while (records.size > maxRecords) {
        const oldest = records.keys().next();
        if (oldest.done === true) break;
        records.delete(oldest.value);
      }
      return Promise.resolve();
    },
    list: (query = {}) => {
      const tenantId = query.tenantId ?? GLOBAL_TENANT_ID;
      const matching = [...records.values()]
        .filter((entry) => entry.tenantId === tenantId)
        .map((entry) => entry.record)
        .filter((record) => query.status === undefined || record.status === query.status)
        .filter((record) => query.ruleId === undefined || record.ruleId === query.ruleId)
        .filter((record) => query.from === undefined || record.firedAt >= query.from)
        .sort((a, b) => b.firedAt - a.firedAt);
      return Promise.resolve(matching.slice(0, query.limit ?? 100));
    },
  };
}
