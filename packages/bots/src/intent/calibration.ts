/**
 * Platt-scaling coefficients `[slope, intercept]` per decided class, mapping the rules engine's score margin to the
 * probability that the decision is right: `p = 1 / (1 + exp(-(slope × margin + intercept)))`.
 *
 * How they were fitted: logistic regression of "decision correct" on the margin (one slope, one intercept per class,
 * mildly regularised) over 223 messages the rules had not been tuned on when they were scored — the tune parts of
 * corpus batches 3–6, each scored with the rules as they stood when that batch was committed (git db262a5, e3c8a10,
 * f0c944a, 6aec49f; 85% accuracy overall).
 * The rules were improved afterwards, so the map is slightly conservative. `unknown` gets a low intercept because a
 * message with no recognised signal is often a real lead phrased in an unexpected way. The held-out split (never used
 * for fitting or tuning) checks the fit: `packages/bots/bench/corpus-report.ts` prints its expected calibration error.
 */
export const INTENT_CALIBRATION: Readonly<Record<'buyer' | 'seller' | 'both' | 'browsing' | 'unknown', readonly [number, number]>> = {
  buyer: [0.617, 1.097],
  seller: [0.617, 1.382],
  both: [0.617, 1.114],
  browsing: [0.617, 1.317],
  unknown: [0.617, -0.232],
};

/** Confidence bounds: the rules engine never claims certainty. */
const FLOOR = 0.05;
const CEILING = 0.97;

/**
 * Turns a rules-engine score margin into a calibrated probability for the decided class (see
 * {@link INTENT_CALIBRATION}), clamped to [0.05, 0.97].
 *
 * @example
 * ```ts
 * calibrateConfidence('seller', 4); // ≈ 0.97 — a clear "what's my house worth?"
 * ```
 */
export function calibrateConfidence(
  intent: keyof typeof INTENT_CALIBRATION,
  margin: number,
): number {
  const [slope, intercept] = INTENT_CALIBRATION[intent];
  const probability = 1 / (1 + Math.exp(-(slope * margin + intercept)));
  return Math.round(Math.min(CEILING, Math.max(FLOOR, probability)) * 1000) / 1000;
}
