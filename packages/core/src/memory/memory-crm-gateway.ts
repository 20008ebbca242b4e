/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { crmActionSchema, type CrmAction } from '../domain/crm-action';
import type { Clock } from '../ports/clock';
import type { CrmExecuteResult, CrmGateway, FreeSlot } from '../ports/crm-gateway';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { TenantMap, copy, parseOrThrow, throwIfAborted } from './memory-support';

/** One action recorded by the {@link MemoryCrmGateway}. */
export interface RecordedCrmAction {
  /** Tenant it was executed for. */
  tenantId: string;
  /** The action. */
  action: CrmAction;
  /** When it was executed, epoch ms. */
  at: number;
  /** What the gateway answered. */
  result: CrmExecuteResult;
}

/** Options for {@link createMemoryCrmGateway}. */
export interface MemoryCrmGatewayOptions {
  /** Time source; default {@link systemClock}. */
  clock?: Clock;
  /** Decides the outcome of each first execution (may throw to simulate failures); default `done`. */
  onExecute?: (action: CrmAction, tenantId: string) => CrmExecuteResult | Promise<CrmExecuteResult>;
  /** Free slots returned by `getFreeSlots` (filtered to the requested range); default: none. */
  freeSlots?: FreeSlot[];
}

/**
 * Dry-run {@link CrmGateway}: records actions instead of calling a CRM (the embedded default), idempotent per
 * (tenant, idempotency key). Tests inspect {@link MemoryCrmGateway.executed}.
 */
export class MemoryCrmGateway implements CrmGateway {
  private readonly results = new TenantMap<CrmExecuteResult>();
  private readonly log: RecordedCrmAction[] = [];
  private readonly clock: Clock;
  private sequence = 0;

  /** Creates a gateway with no recorded actions. */
  constructor(private readonly options: MemoryCrmGatewayOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /** {@inheritDoc CrmGateway.execute} */
  async execute(options: TenantScoped & { action: CrmAction }): Promise<CrmExecuteResult> {
    throwIfAborted(options.signal);
    const action = parseOrThrow(crmActionSchema, options.action);
    const previous = this.results.get(options.tenantId, action.idempotencyKey);
    if (previous) return copy(previous);
    const result = this.options.onExecute
      ? await this.options.onExecute(copy(action), options.tenantId)
      : { kind: 'done' as const, externalId: `dry_${++this.sequence}` };
    this.results.set(options.tenantId, action.idempotencyKey, result);
    this.log.push({ tenantId: options.tenantId, action, at: this.clock.now(), result });
    return copy(result);
  }

  /** {@inheritDoc CrmGateway.getFreeSlots} */
  async getFreeSlots(
    options: TenantScoped & { calendarId?: string; from: string; to: string; timeZone?: string },
  ): Promise<FreeSlot[]> {
    throwIfAborted(options.signal);
    const from = Date.parse(options.from);
    const to = Date.parse(options.to);
    return (this.options.freeSlots ?? [])
      .filter((slot) => Date.parse(slot.startTime) >= from && Date.parse(slot.endTime) <= to)
      .map(copy);
  }

  /** Actions executed so far (first executions only), optionally for one tenant, oldest first. */
  executed(tenantId?: string): RecordedCrmAction[] {
    return this.log
      .filter((entry) => tenantId === undefined || entry.tenantId === tenantId)
      .map(copy);
  }
}

/**
 * Creates a dry-run CRM gateway.
 *
 * @example
 * ```ts
 * const crm = createMemoryCrmGateway({ clock });
 * await crm.execute({ tenantId, action });
 * crm.executed(tenantId); // [{ action, result: { kind: 'done', externalId: 'dry_1' }, … }]
 * ```
 */
export function createMemoryCrmGateway(options: MemoryCrmGatewayOptions = {}): MemoryCrmGateway {
  return new MemoryCrmGateway(options);
}
