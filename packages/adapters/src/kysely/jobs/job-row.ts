import { EnterpriseHubError, jsonValueSchema, type Job, type JsonValue } from '@enterprisehub/core';
import type { Selectable } from 'kysely';
import type { JobsTable } from '../database';
import type { PiiCodec } from '../pii-codec';
import { toMillis } from '../store-context';

/** Prefix of a payload stored as plain JSON (a queue without keyring); anything else is ciphertext. */
const PLAIN = 'json:';

/** Seals and opens job payloads: keyring ciphertext bound to (tenant, job id), or tagged JSON. @internal */
export class JobPayloadCodec {
  constructor(private readonly pii: PiiCodec | undefined) {}

  /** The stored form of a payload. */
  seal(payload: JsonValue, tenantId: string, jobId: string): string {
    if (this.pii === undefined) return `${PLAIN}${JSON.stringify(payload)}`;
    return this.pii.seal(payload, context(tenantId, jobId));
  }

  /** The payload of a stored row, validated as JSON. */
  open(stored: string, tenantId: string, jobId: string): JsonValue {
    let value: unknown;
    if (stored.startsWith(PLAIN)) {
      try {
        value = JSON.parse(stored.slice(PLAIN.length));
      } catch (error) {
        throw corrupt(error);
      }
    } else {
      if (this.pii === undefined) {
        throw new EnterpriseHubError({
          code: 'PII_KEY_MISSING',
          message: 'A job payload is encrypted but the job queue has no keyring.',
        });
      }
      value = this.pii.open(stored, 'job payload', context(tenantId, jobId));
    }
    const parsed = jsonValueSchema.safeParse(value);
    if (!parsed.success) throw corrupt(parsed.error);
    return parsed.data;
  }
}

function context(tenantId: string, jobId: string): string {
  return `jobs:${tenantId}:${jobId}`;
}

function corrupt(cause: unknown): EnterpriseHubError {
  return new EnterpriseHubError({
    code: 'STORE_CORRUPT',
    message: 'A stored job payload is not valid JSON.',
    cause,
  });
}

/** A `jobs` row as the port's {@link Job}. @internal */
export function rowToJob(row: Selectable<JobsTable>, codec: JobPayloadCodec): Job {
  return {
    id: row.job_id,
    tenantId: row.tenant_id,
    name: row.name,
    payload: codec.open(row.payload, row.tenant_id, row.job_id),
    ...(row.ordering_key === null ? {} : { orderingKey: row.ordering_key }),
    attempt: Math.max(1, row.attempts),
    maxAttempts: row.max_attempts,
    enqueuedAt: toMillis(row.enqueued_at),
    runAt: toMillis(row.run_at),
  };
}
