import type { HandoffBlockReason, HandoffRecord } from '@enterprisehub/core';
import type { HandoffAnalytics, HandoffHistoryEntry } from './handoff-types';

const REASONS: readonly HandoffBlockReason[] = [
  'low_confidence',
  'hourly_limit',
  'daily_limit',
  'circular',
  'lock_busy',
  'disabled',
];

interface TenantTotals {
  successful: number;
  blockedByReason: Record<HandoffBlockReason, number>;
  byRoute: Record<string, number>;
}

const emptyReasons = (): Record<HandoffBlockReason, number> =>
  Object.fromEntries(REASONS.map((reason) => [reason, 0])) as Record<HandoffBlockReason, number>;

/**
 * In-memory record of handoff decisions: per-tenant totals (for analytics) and a bounded per-contact history
 * (for analytics and for the circular check when the caller's history is stale). Contacts are evicted oldest
 * first beyond `maxContacts`.
 *
 * @internal
 */
export class HandoffLedger {
  private readonly totals = new Map<string, TenantTotals>();
  private readonly contacts = new Map<string, HandoffHistoryEntry[]>();

  constructor(private readonly limits: { historyLimit: number; maxContacts: number }) {}

  /** Records one decision. */
  record(tenantId: string, contactId: string, entry: HandoffHistoryEntry): void {
    const totals = this.tenantTotals(tenantId);
    if (entry.outcome === 'allowed') {
      totals.successful += 1;
      const route = `${entry.from}->${entry.to}`;
      totals.byRoute[route] = (totals.byRoute[route] ?? 0) + 1;
    } else if (entry.reason) {
      totals.blockedByReason[entry.reason] += 1;
    }
    const key = `${tenantId}\u0000${contactId}`;
    const history = this.contacts.get(key) ?? [];
    this.contacts.delete(key);
    history.push(entry);
    if (history.length > this.limits.historyLimit)
      history.splice(0, history.length - this.limits.historyLimit);
    this.contacts.set(key, history);
    if (this.contacts.size > this.limits.maxContacts) {
      const oldest = this.contacts.keys().next();
      if (!oldest.done) this.contacts.delete(oldest.value);
    }
  }

  /** A contact's decisions, oldest first (a copy). */
  history(tenantId: string, contactId: string): HandoffHistoryEntry[] {
    return (this.contacts.get(`${tenantId}\u0000${contactId}`) ?? []).map((entry) => ({
      ...entry,
    }));
  }

  /** Allowed handoffs this process recorded for a contact, as `HandoffRecord`s. */
  allowedRecords(tenantId: string, contactId: string): HandoffRecord[] {
    return (this.contacts.get(`${tenantId}\u0000${contactId}`) ?? [])
      .filter((entry) => entry.outcome === 'allowed')
      .map(({ from, to, confidence, at }) => ({ from, to, confidence, at }));
  }

  /** Analytics of a tenant. */
  analytics(tenantId: string): HandoffAnalytics {
    const totals = this.tenantTotals(tenantId);
    const blocked = REASONS.reduce((sum, reason) => sum + totals.blockedByReason[reason], 0);
    const total = totals.successful + blocked;
    return {
      total,
      successful: totals.successful,
      blocked,
      blockedByReason: { ...totals.blockedByReason },
      successRate: total === 0 ? 1 : totals.successful / total,
      byRoute: { ...totals.byRoute },
    };
  }

  private tenantTotals(tenantId: string): TenantTotals {
    let totals = this.totals.get(tenantId);
    if (!totals) {
      totals = { successful: 0, blockedByReason: emptyReasons(), byRoute: {} };
      this.totals.set(tenantId, totals);
    }
    return totals;
  }
}
