import { ExactWindow } from './exact-window';
import {
  EMPTY_STATS,
  TRACKER_WINDOW_MS,
  type PerformanceStats,
  type TrackerWindow,
} from './performance-types';
import { SketchWindow } from './sketch-window';

const TEN_MINUTES_MS = 600_000;
const ONE_HOUR_MS = 3_600_000;

/**
 * All windows of one (tenant?, bot, operation) series: the exact 1h ring buffer, 10-minute
 * sketch buckets for 24h and hourly sketch buckets for 7d.
 */
export class TrackerSeries {
  readonly #exact: ExactWindow;
  readonly #day = new SketchWindow(TEN_MINUTES_MS, TRACKER_WINDOW_MS['24h'] / TEN_MINUTES_MS + 1);
  readonly #week = new SketchWindow(ONE_HOUR_MS, TRACKER_WINDOW_MS['7d'] / ONE_HOUR_MS + 1);

  /** Creates a series whose exact window keeps at most `exactCapacity` entries. */
  constructor(exactCapacity: number) {
    this.#exact = new ExactWindow(exactCapacity);
  }

  /** Adds one operation to every window. */
  record(at: number, durationMs: number, success: boolean): void {
    this.#exact.record(at, durationMs, success);
    this.#day.record(at, durationMs, success);
    this.#week.record(at, durationMs, success);
  }

  /**
   * Statistics of one window as of `now`. 24h and 7d are answered exactly from the ring buffer
   * while it still holds every record of the window (at most `exactCapacity` of them), and from
   * the sketches once it does not.
   */
  stats(window: TrackerWindow, now: number): PerformanceStats {
    const windowMs = TRACKER_WINDOW_MS[window];
    if (window === '1h' || this.#exact.holdsAllSince(now - windowMs))
      return this.#exact.stats(now, windowMs);
    if (window === '24h') return this.#day.stats(now, windowMs);
    return this.#week.stats(now, windowMs);
  }
}

/** Series of one scope (a tenant, or the whole deployment), indexed by bot then operation. */
export class SeriesScope {
  readonly #byBot = new Map<string, Map<string, TrackerSeries>>();
  readonly #exactCapacity: number;

  /** Creates an empty scope. */
  constructor(exactCapacity: number) {
    this.#exactCapacity = exactCapacity;
  }

  /** The series for `bot`/`operation`, created on first use. */
  obtain(bot: string, operation: string): TrackerSeries {
    let byOperation = this.#byBot.get(bot);
    if (byOperation === undefined) {
      byOperation = new Map();
      this.#byBot.set(bot, byOperation);
    }
    let series = byOperation.get(operation);
    if (series === undefined) {
      series = new TrackerSeries(this.#exactCapacity);
      byOperation.set(operation, series);
    }
    return series;
  }

  /** The series for `bot`/`operation` if anything was recorded for it. */
  find(bot: string, operation: string): TrackerSeries | undefined {
    return this.#byBot.get(bot)?.get(operation);
  }

  /** Every (bot, operation) pair that has a series. */
  keys(): { bot: string; operation: string }[] {
    const keys: { bot: string; operation: string }[] = [];
    for (const [bot, byOperation] of this.#byBot) {
      for (const operation of byOperation.keys()) keys.push({ bot, operation });
    }
    return keys;
  }

  /** Stats of a series, or empty stats when it has none. */
  stats(
    query: { bot: string; operation: string; window: TrackerWindow },
    now: number,
  ): PerformanceStats {
    return this.find(query.bot, query.operation)?.stats(query.window, now) ?? { ...EMPTY_STATS };
  }
}
