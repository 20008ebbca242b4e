import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createChannelRateLimiter } from './channel-rate-limiter';

describe('createChannelRateLimiter', () => {
  it('waits for a free slot within maxWaitMs', async () => {
    const clock = new ManualClock();
    const limiter = createChannelRateLimiter({
      clock,
      channel: 'slack',
      limit: { limit: 2, windowMs: 1000, maxWaitMs: 1000 },
    });
    await limiter.acquire();
    await limiter.acquire();
    let done = false;
    const third = limiter.acquire().then(() => {
      done = true;
    });
    await clock.advanceAsync(999);
    expect(done).toBe(false);
    await clock.advanceAsync(1);
    await third;
    expect(done).toBe(true);
  });

  it('fails with ALERT_CHANNEL_RATE_LIMITED when the wait would exceed maxWaitMs', async () => {
    const clock = new ManualClock();
    const limiter = createChannelRateLimiter({
      clock,
      channel: 'pd',
      limit: { limit: 1, windowMs: 60_000, maxWaitMs: 1000 },
    });
    await limiter.acquire();
    await expect(limiter.acquire()).rejects.toMatchObject({
      code: 'ALERT_CHANNEL_RATE_LIMITED',
      retryable: true,
      details: { retryAfterMs: 60_000 },
    });
    clock.advance(60_000);
    await expect(limiter.acquire()).resolves.toBeUndefined();
  });

  it('never limits when disabled', async () => {
    const limiter = createChannelRateLimiter({
      clock: new ManualClock(),
      channel: 'x',
      limit: undefined,
    });
    for (let index = 0; index < 100; index += 1) await limiter.acquire();
  });
});
