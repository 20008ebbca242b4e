import type { ManualClock } from '@enterprisehub/core/testing';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `work` to completion while moving a ManualClock forward in small steps (sleeps, timers and
 * rate-limit waits fire as time passes). Returns what `work` resolved with, or rethrows its rejection.
 */
export async function drive<T>(clock: ManualClock, work: Promise<T>, options: { stepMs?: number; maxMs?: number } = {}): Promise<T> {
  const stepMs = options.stepMs ?? 50;
  const maxMs = options.maxMs ?? 600_000;
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  work.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  for (let elapsed = 0; outcome === undefined; elapsed += stepMs) {
    if (elapsed > maxMs) throw new Error(`work did not settle within ${maxMs} ms of manual time`);
    for (let turn = 0; turn < 8 && outcome === undefined; turn += 1) await tick();
    if (outcome === undefined) await clock.advanceAsync(stepMs);
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
