import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { EnterpriseHubError } from '../../errors/enterprise-hub-error';
import type { ErrorCode } from '../../errors/error-codes';
import type { ManualClock } from '../manual-clock';

/** What a contract case gets: a factory for fresh port instances, the clock they use, and cleanup. */
export interface ContractHarness<P> {
  /** Creates a fresh instance of the port under test, wired to {@link ContractHarness.clock}. */
  create(): Promise<P>;
  /** The clock the instances use. */
  clock: ManualClock;
  /**
   * Moves time forward for the implementation; default `clock.advanceAsync(ms)`. Implementations whose TTLs run on
   * a server clock (e.g. Redis) advance the manual clock and also sleep for real (cases keep such durations short).
   */
  advance?(ms: number): Promise<void>;
  /** Releases what `create` allocated; called after each case by {@link runContractCase}. */
  cleanup?(): Promise<void>;
}

/** One named contract case; asserts with `node:assert/strict`. */
export interface ContractCase<P> {
  /** Behaviour under test, e.g. `two writers with the same version: exactly one wins`. */
  name: string;
  /** Runs the case against the harness; rejects on a contract violation. */
  run(harness: ContractHarness<P>): Promise<void>;
}

/** A contract suite for one port, ready for `describe.each` / `it.each`. */
export interface ContractSuite<P> {
  /** Port name. */
  name: string;
  /** The cases. */
  cases: ContractCase<P>[];
}

/**
 * Runs one case with the harness and always calls its cleanup.
 *
 * @example
 * ```ts
 * it.each(conversationStoreContract.cases)('$name', (testCase) => runContractCase(testCase, makeHarness()));
 * ```
 */
export async function runContractCase<P>(
  testCase: ContractCase<P>,
  harness: ContractHarness<P>,
): Promise<void> {
  try {
    await testCase.run(harness);
  } finally {
    await harness.cleanup?.();
  }
}

/** Moves the harness' time forward (its `advance`, or the manual clock). */
export async function advanceTime<P>(harness: ContractHarness<P>, ms: number): Promise<void> {
  if (harness.advance) await harness.advance(ms);
  else await harness.clock.advanceAsync(ms);
}

/** A tenant id unique to this run, so cases never collide on a shared backend. */
export function uniqueTenantId(label: string): string {
  return `${label}_${randomUUID().slice(0, 12)}`;
}

/** Asserts that `promise` rejects with an {@link EnterpriseHubError} of the given code. */
export async function rejectsWithCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(
      EnterpriseHubError.isInstance(error),
      `expected an EnterpriseHubError, got ${String(error)}`,
    );
    assert.equal(error.code, code);
    return true;
  });
}
