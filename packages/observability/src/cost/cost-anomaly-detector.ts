import { median, robustZScore } from './robust-z-score';

/** Verdict for one decision's cost against one rolling baseline. */
export type CostAnomalyVerdict =
  | { kind: 'insufficient_data'; /** Baseline size so far. */ samples: number }
  | {
      kind: 'normal' | 'anomaly';
      /** Robust z-score of the cost. */
      score: number;
      /** Baseline median cost, USD. */
      medianUsd: number;
      /** Baseline median absolute deviation, USD. */
      madUsd: number;
      /** Baseline size. */
      samples: number;
    };

/** One priced bot decision, as passed to {@link CostAnomalyDetector.observe}. */
export interface CostObservation {
  /** Tenant billed. */
  tenantId: string;
  /** Bot that made the decision. */
  bot: string;
  /** Cost of the decision, USD (all model calls it took). */
  costUsd: number;
  /** Decision type, e.g. `qualification_turn`. */
  decision?: string;
}

/** Result of observing one decision. */
export interface CostAnomalyResult {
  /** Against the bot's deployment-wide baseline. */
  bot: CostAnomalyVerdict;
  /** Against the tenant's baseline. */
  tenant: CostAnomalyVerdict;
  /** True when either baseline flags the cost. */
  isAnomaly: boolean;
}

/** Per-bot cost summary for reports, cheapest mean first. */
export interface BotCostSummary {
  /** Bot. */
  bot: string;
  /** Decisions observed (all time). */
  decisions: number;
  /** Total cost, USD. */
  totalCostUsd: number;
  /** Mean cost per decision, USD. */
  meanCostUsd: number;
  /** Median cost in the current baseline, USD. */
  medianCostUsd: number;
  /** Decisions flagged as anomalies. */
  anomalies: number;
}

/** Spend-per-decision anomaly detector. */
export interface CostAnomalyDetector {
  /** Scores a decision's cost against the bot and tenant baselines, then adds it to them. */
  observe(observation: CostObservation): CostAnomalyResult;
  /** Per-bot summaries, cheapest mean cost first (efficiency ranking). */
  report(): BotCostSummary[];
}

/** Options for {@link createCostAnomalyDetector}. */
export interface CostAnomalyDetectorOptions {
  /** Most recent decisions kept per baseline. @defaultValue 200 */
  baselineSize?: number;
  /** Decisions a baseline needs before it can flag anything. @defaultValue 30 */
  minSamples?: number;
  /** Robust z-score above which a cost is an anomaly (spikes only). @defaultValue 3.5 */
  threshold?: number;
  /** Called for each anomalous decision. Must not throw. */
  onAnomaly?: (observation: CostObservation, result: CostAnomalyResult) => void;
}

class Baseline {
  readonly values: number[] = [];
  #next = 0;
  constructor(private readonly size: number) {}
  add(value: number): void {
    if (this.values.length < this.size) this.values.push(value);
    else this.values[this.#next] = value;
    this.#next = (this.#next + 1) % this.size;
  }
}

/**
 * Creates a cost anomaly detector: each decision's cost is scored with a robust z-score
 * (median / MAD, so earlier spikes do not hide later ones) against rolling per-bot and per-tenant
 * baselines; nothing is flagged until a baseline holds `minSamples` decisions.
 *
 * @example
 * ```ts
 * const detector = createCostAnomalyDetector({ onAnomaly: (o, r) => log.warn({ bot: o.bot, score: r.bot }) });
 * detector.observe({ tenantId: 't1', bot: 'buyer', costUsd: trace.costUsd ?? 0 });
 * ```
 */
export function createCostAnomalyDetector(
  options: CostAnomalyDetectorOptions = {},
): CostAnomalyDetector {
  const size = Math.max(2, options.baselineSize ?? 200);
  const minSamples = Math.max(2, options.minSamples ?? 30);
  const threshold = options.threshold ?? 3.5;
  const baselines = new Map<string, Baseline>();
  const totals = new Map<string, { decisions: number; totalCostUsd: number; anomalies: number }>();

  const baselineOf = (key: string): Baseline => {
    let baseline = baselines.get(key);
    if (!baseline) {
      baseline = new Baseline(size);
      baselines.set(key, baseline);
    }
    return baseline;
  };

  const judge = (baseline: Baseline, costUsd: number): CostAnomalyVerdict => {
    const samples = baseline.values.length;
    if (samples < minSamples) return { kind: 'insufficient_data', samples };
    const { score, median, mad } = robustZScore(costUsd, baseline.values);
    return {
      kind: score > threshold ? 'anomaly' : 'normal',
      score,
      medianUsd: median,
      madUsd: mad,
      samples,
    };
  };

  return {
    observe(observation) {
      const { costUsd } = observation;
      const botBaseline = baselineOf(`bot\u0000${observation.bot}`);
      const tenantBaseline = baselineOf(`tenant\u0000${observation.tenantId}`);
      const result: CostAnomalyResult = {
        bot: judge(botBaseline, costUsd),
        tenant: judge(tenantBaseline, costUsd),
        isAnomaly: false,
      };
      result.isAnomaly = result.bot.kind === 'anomaly' || result.tenant.kind === 'anomaly';
      if (Number.isFinite(costUsd) && costUsd >= 0) {
        botBaseline.add(costUsd);
        tenantBaseline.add(costUsd);
        const total = totals.get(observation.bot) ?? {
          decisions: 0,
          totalCostUsd: 0,
          anomalies: 0,
        };
        total.decisions += 1;
        total.totalCostUsd += costUsd;
        if (result.isAnomaly) total.anomalies += 1;
        totals.set(observation.bot, total);
      }
      if (result.isAnomaly) {
        try {
          options.onAnomaly?.(observation, result);
        } catch {
          // A failing callback must not break cost accounting.
        }
      }
      return result;
    },
    report() {
      return [...totals]
        .map(([bot, total]) => {
          const baseline = baselines.get(`bot\u0000${bot}`)?.values ?? [];
          return {
            bot,
            decisions: total.decisions,
            totalCostUsd: total.totalCostUsd,
            meanCostUsd: total.totalCostUsd / total.decisions,
            medianCostUsd: median(baseline),
            anomalies: total.anomalies,
          };
        })
        .sort((left, right) => left.meanCostUsd - right.meanCostUsd);
    },
  };
}
