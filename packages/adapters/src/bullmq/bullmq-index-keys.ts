import type { RedisConnection } from '../redis/redis-connection';

/**
 * Names the adapter's own Redis keys next to BullMQ's, per tenant (hash-tagged by tenant, so each
 * tenant's keys share a Redis Cluster slot):
 *
 * - `<prefix>:{<tenant>}:q-<queue>:pending` — sorted set of the tenant's pending job ids by due time
 * - `…:failed` — sorted set of dead-lettered job ids by failure time
 * - `…:seq` — counter ordering jobs enqueued in the same millisecond
 * - `…:key:<orderingKey>` — sorted set of the key's pending jobs, `<seq>:<bullId>` by due time
 * - `…:lease:<orderingKey>` — the job currently running for the key (expires unless renewed)
 *
 * @internal
 */
export class BullmqIndexKeys {
  constructor(
    private readonly connection: RedisConnection,
    private readonly queueName: string,
  ) {}

  /** The tenant's pending set. */
  pending(tenantId: string): string {
    return this.key(tenantId, 'pending');
  }

  /** The tenant's dead-letter index. */
  failed(tenantId: string): string {
    return this.key(tenantId, 'failed');
  }

  /** The tenant's sequence counter. */
  sequence(tenantId: string): string {
    return this.key(tenantId, 'seq');
  }

  /** The ordering key's pending set. */
  orderingSet(tenantId: string, orderingKey: string): string {
    return this.key(tenantId, `key:${orderingKey}`);
  }

  /** The ordering key's lease. */
  lease(tenantId: string, orderingKey: string): string {
    return this.key(tenantId, `lease:${orderingKey}`);
  }

  private key(tenantId: string, suffix: string): string {
    return this.connection.key(tenantId, `q-${this.queueName}`, suffix);
  }
}

/** The member of a keyed job in its ordering set: zero-padded sequence, then the BullMQ id. @internal */
export function orderingMember(sequence: number, bullId: string): string {
  return `${String(sequence).padStart(16, '0')}:${bullId}`;
}

/** The BullMQ id inside an ordering-set member. @internal */
export function bullIdOfMember(member: string): string {
  return member.slice(member.indexOf(':') + 1);
}
