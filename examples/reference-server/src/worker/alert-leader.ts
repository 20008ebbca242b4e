/**
 * Alert leadership for production deployments: every worker process has an alert engine, but only the holder of a
 * lease on the shared LockManager (Redis) evaluates rules and delivers notifications, so one firing condition pages
 * once whatever the number of workers. The lease is renewed every tick (independently of a slow evaluation); when the
 * leader stops it releases the lease, and when it dies the lease expires after `ttlMs` and the next worker to tick
 * takes over.
 */
import { GLOBAL_TENANT_ID, type Clock, type Lock, type LockManager } from '@enterprisehub/core';
import type { AlertEngine } from '@enterprisehub/observability';
import type { Logger } from '../logger';

/** Lock key of the alert leader lease (deployment-wide, under the deployment's Redis key prefix). */
export const ALERT_LEADER_KEY = 'alerts:leader';
/** Default tick: the alert engine's own evaluation interval, ms. */
export const ALERT_LEADER_INTERVAL_MS = 30_000;

/** Options of {@link startAlertLeader}. */
export interface AlertLeaderOptions {
  engine: Pick<AlertEngine, 'evaluate'>;
  locks: LockManager;
  clock: Clock;
  logger: Logger;
  /** Evaluation and lease-renewal interval, ms. @defaultValue 30000 */
  intervalMs?: number;
  /** Lease lifetime, ms: how long a dead leader blocks a takeover. @defaultValue 3 × `intervalMs` */
  ttlMs?: number;
  /** Lease key. @defaultValue {@link ALERT_LEADER_KEY} */
  key?: string;
}

/** A running leader election for the alert evaluator. */
export interface AlertLeader {
  /** Whether this process holds the lease (as of its last tick). */
  readonly isLeader: boolean;
  /** Runs one tick now: renew or try to take the lease, then evaluate if leader (resolves when both are done). */
  tick(): Promise<void>;
  /** Stops ticking, waits for an evaluation in flight, then releases the lease. Idempotent. */
  stop(): Promise<void>;
}

/** Starts the election: the first tick runs at once, then every `intervalMs` on the clock. */
export function startAlertLeader(options: AlertLeaderOptions): AlertLeader {
  const { locks, clock, logger, engine } = options;
  const intervalMs = options.intervalMs ?? ALERT_LEADER_INTERVAL_MS;
  const ttlMs = options.ttlMs ?? intervalMs * 3;
  const key = options.key ?? ALERT_LEADER_KEY;
  const scope = { tenantId: GLOBAL_TENANT_ID };
  let lock: Lock | undefined;
  let evaluating: Promise<void> | undefined;
  let timer: { cancel(): void } | undefined;
  let stopped = false;
  let stopping: Promise<void> | undefined;

  const holdLease = async (): Promise<boolean> => {
    try {
      if (lock) {
        const renewed = await locks.extend({ ...scope, lock, ttlMs });
        if (!renewed) logger.warn({ key }, 'alert leadership lost: another worker took the lease');
        lock = renewed;
      } else {
        lock = await locks.acquire({ ...scope, key, ttlMs });
        if (lock)
          logger.info({ key, ttlMs }, 'alert leadership taken: this worker evaluates alerts');
      }
      return lock !== undefined;
    } catch (error) {
      // Unknown lease state (Redis unreachable): do not evaluate this tick; the lease decides again next tick.
      logger.warn({ error, key }, 'alert leader lease check failed; skipping this evaluation');
      return false;
    }
  };

  // One lease round trip at a time (a slow Redis must not stack acquisitions).
  let leasing: Promise<boolean> | undefined;
  const lease = (): Promise<boolean> =>
    (leasing ??= holdLease().finally(() => {
      leasing = undefined;
    }));

  const tick = async (): Promise<void> => {
    if (stopped) return;
    const leader = await lease();
    if (!leader || stopped || evaluating) return;
    evaluating = engine
      .evaluate()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ error }, 'alert evaluation failed'),
      )
      .finally(() => {
        evaluating = undefined;
      });
    await evaluating;
  };

  const schedule = (): void => {
    timer = clock.setTimer(() => {
      if (stopped) return;
      schedule();
      void tick();
    }, intervalMs);
  };
  void tick();
  schedule();

  return {
    get isLeader() {
      return lock !== undefined;
    },
    tick,
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        timer?.cancel();
        await leasing;
        await evaluating;
        const held = lock;
        lock = undefined;
        if (held) {
          try {
            await locks.release({ ...scope, lock: held });
            logger.info({ key }, 'alert leadership released');
          } catch (error) {
            logger.warn({ error, key }, 'alert leader lease release failed; it expires on its own');
          }
        }
      })();
      return stopping;
    },
  };
}
