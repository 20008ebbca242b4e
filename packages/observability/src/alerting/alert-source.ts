/**
 * What the alert engine reads on every evaluation: metric values with the number of samples behind each.
 * The observability collector's `AlertFeed` (`collector.feedToAlerting()`) has exactly this shape.
 */
export interface AlertSourceSnapshot {
  /** Tenant the values describe; absent for the whole deployment. Becomes the `tenantId` label. */
  tenantId?: string;
  /** Metric values by name (rates 0–1, times in ms, counts). */
  metrics: Readonly<Record<string, number>>;
  /** Samples behind each metric; a missing count is 0, so a rule with `minSamples > 0` stays quiet. */
  samples: Readonly<Record<string, number>>;
  /** Extra signals by name (e.g. `bot.last_response_age_ms`). */
  supplementary?: Readonly<Record<string, number>>;
  /** Samples behind each extra signal. */
  supplementarySamples?: Readonly<Record<string, number>>;
}

/** What the engine asks its source for on each evaluation. */
export interface AlertSourceRequest {
  /** Evaluation time, epoch ms. */
  at: number;
  /** Windows the enabled rules ask for (e.g. `5m`, `1h`); a source may ignore them. */
  windows: readonly string[];
}

/**
 * Supplies metric values and sample counts per evaluation: one snapshot (deployment-wide or one tenant) or
 * several (one per tenant), e.g. `() => collector.feedToAlerting()`.
 */
export type AlertSource = (
  request: AlertSourceRequest,
) =>
  | AlertSourceSnapshot
  | readonly AlertSourceSnapshot[]
  | Promise<AlertSourceSnapshot | readonly AlertSourceSnapshot[]>;
