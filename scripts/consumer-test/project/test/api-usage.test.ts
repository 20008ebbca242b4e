/** Runs the offline parts of `src/api-usage.ts` against the installed tarballs. */
import { describe, expect, it } from 'vitest';
import {
  botsUsage,
  coreUsage,
  ghlUsage,
  observabilityUsage,
  pgliteUsage,
} from '../src/api-usage.js';

describe('main API of every package, from the installed tarballs', () => {
  it('core: error table and memory ports', () => {
    expect(coreUsage()).toEqual({
      code: 'TENANT_NOT_FOUND',
      status: 404,
      tenantId: expect.any(String),
      known: true,
    });
  });

  it('bots: the rules engine decodes a buyer', async () => {
    const result = await botsUsage('We want to buy a 3 bedroom house in Austin, budget 450k');
    expect(result.intent).toBe('buyer');
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('ghl: a signed webhook verifies with the test keys', async () => {
    const { client, verified } = await ghlUsage();
    expect(client.locationId).toBe('loc-1');
    expect(verified).toBe(true);
  });

  it('observability: tracker stats and Prometheus exposition', async () => {
    const { stats, exposition } = await observabilityUsage();
    expect(stats.count).toBe(2);
    expect(stats.errorCount).toBe(1);
    expect(exposition).toContain('enterprisehub_');
  });

  it('adapters: PGlite stores migrate and dedupe an inbox id', async () => {
    expect(await pgliteUsage()).toEqual({ first: true, second: false });
  }, 60_000);
});
