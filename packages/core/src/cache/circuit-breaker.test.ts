import { describe, expect, it, vi } from 'vitest';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { ManualClock } from '../testing/manual-clock';
import { createCircuitBreaker, type CircuitState } from './circuit-breaker';

const fail = (): Promise<never> => Promise.reject(new Error('boom'));
const succeed = (): Promise<string> => Promise.resolve('ok');

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return EnterpriseHubError.isInstance(error) ? error.code : 'foreign';
  }
}

describe('CircuitBreaker', () => {
  it('passes results and errors through while closed', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3 });
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    await expect(breaker.execute(fail)).rejects.toThrow('boom');
    expect(breaker.stats()).toMatchObject({ state: 'closed', successes: 1, failures: 1, consecutiveFailures: 1 });
  });

  it('opens after the failure threshold and then rejects without running the operation', async () => {
    const clock = new ManualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 3, clock });
    for (let index = 0; index < 3; index += 1) await expect(breaker.execute(fail)).rejects.toThrow('boom');
    expect(breaker.state).toBe('open');
    const operation = vi.fn(succeed);
    expect(await codeOf(breaker.execute(operation))).toBe('CIRCUIT_OPEN');
    expect(operation).not.toHaveBeenCalled();
    expect(breaker.stats().rejections).toBe(1);
  });

  it('stays closed when a success interrupts the run of failures', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3 });
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(succeed);
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe('closed');
    expect(breaker.stats().consecutiveFailures).toBe(2);
  });

  it('lets exactly one probe through when half-open and closes on its success', async () => {
    const clock = new ManualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 1, resetTimeoutMs: 10_000, clock });
    await breaker.execute(fail).catch(() => undefined);
    clock.advance(9_999);
    expect(breaker.state).toBe('open');
    clock.advance(1);
    expect(breaker.state).toBe('half-open');
    let release: (value: string) => void = () => undefined;
    const probe = breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    expect(breaker.isCallPermitted).toBe(false);
    expect(await codeOf(breaker.execute(succeed))).toBe('CIRCUIT_OPEN');
    release('probe-ok');
    await expect(probe).resolves.toBe('probe-ok');
    expect(breaker.state).toBe('closed');
  });

  it('reopens for a full reset timeout when the probe fails', async () => {
    const clock = new ManualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 2, resetTimeoutMs: 1_000, clock });
    await breaker.execute(fail).catch(() => undefined);
    await breaker.execute(fail).catch(() => undefined);
    clock.advance(1_000);
    await expect(breaker.execute(fail)).rejects.toThrow('boom');
    expect(breaker.state).toBe('open');
    clock.advance(999);
    expect(breaker.state).toBe('open');
    clock.advance(1);
    expect(breaker.state).toBe('half-open');
  });

  it('abandons a call slower than timeoutMs, aborts its signal and counts a failure', async () => {
    const clock = new ManualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 1, timeoutMs: 50, clock });
    let seen: AbortSignal | undefined;
    const call = breaker.execute((signal) => {
      seen = signal;
      return new Promise<string>(() => undefined);
    });
    const outcome = codeOf(call);
    clock.advance(49);
    expect(seen?.aborted).toBe(false);
    clock.advance(1);
    expect(await outcome).toBe('TIMEOUT');
    expect(seen?.aborted).toBe(true);
    expect(breaker.stats()).toMatchObject({ state: 'open', timeouts: 1, failures: 1 });
  });

  it('cancels the timeout timer when the call finishes in time', async () => {
    const clock = new ManualClock();
    const breaker = createCircuitBreaker({ timeoutMs: 50, clock });
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    expect(clock.pendingTimers).toBe(0);
  });

  it('ignores errors that isFailure rejects', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, isFailure: (error) => !(error instanceof TypeError) });
    await expect(breaker.execute(() => Promise.reject(new TypeError('not ours')))).rejects.toThrow(TypeError);
    expect(breaker.state).toBe('closed');
  });

  it('reports state changes and survives a throwing listener', async () => {
    const clock = new ManualClock();
    const changes: string[] = [];
    const breaker = createCircuitBreaker({
      failureThreshold: 1,
      resetTimeoutMs: 10,
      clock,
      onStateChange: (state: CircuitState, previous: CircuitState) => {
        changes.push(`${previous}->${state}`);
        throw new Error('listener bug');
      },
    });
    await breaker.execute(fail).catch(() => undefined);
    clock.advance(10);
    await breaker.execute(succeed);
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
  });

  it('closes on reset()', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1 });
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe('open');
    breaker.reset();
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
  });
});
