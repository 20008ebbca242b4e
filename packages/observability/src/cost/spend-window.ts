/**
 * Sliding one-window sum (e.g. the last hour) of spend and call counts in fixed slots
 * (e.g. 60 one-minute slots): O(1) to add, O(slots) to read, bounded memory.
 */
export class SpendWindow {
  readonly #slotMs: number;
  readonly #index: Float64Array;
  readonly #spend: Float64Array;
  readonly #unknown: Float64Array;

  /** Creates a window of `windowMs` split into `slots` slots. */
  constructor(windowMs: number, slots: number) {
    this.#slotMs = windowMs / slots;
    this.#index = new Float64Array(slots).fill(-1);
    this.#spend = new Float64Array(slots);
    this.#unknown = new Float64Array(slots);
  }

  /** Adds spend (USD) at `at`; `unknownCost` counts a call whose cost could not be priced. */
  add(at: number, costUsd: number, unknownCost = false): void {
    const index = Math.floor(at / this.#slotMs);
    const slot = index % this.#index.length;
    const held = this.#index[slot] ?? -1;
    if (held > index) return; // older than the window
    if (held !== index) {
      this.#index[slot] = index;
      this.#spend[slot] = 0;
      this.#unknown[slot] = 0;
    }
    this.#spend[slot] = (this.#spend[slot] ?? 0) + costUsd;
    if (unknownCost) this.#unknown[slot] = (this.#unknown[slot] ?? 0) + 1;
  }

  /** Spend and unknown-cost calls in the window ending at `now`, and when the oldest counted slot leaves it. */
  read(now: number): { spentUsd: number; unknownCostCalls: number; oldestSlotEndsInMs: number } {
    const current = Math.floor(now / this.#slotMs);
    const first = current - this.#index.length + 1;
    let spentUsd = 0;
    let unknownCostCalls = 0;
    let oldest = Number.POSITIVE_INFINITY;
    for (let slot = 0; slot < this.#index.length; slot += 1) {
      const index = this.#index[slot] ?? -1;
      if (index < first || index > current) continue;
      const spend = this.#spend[slot] ?? 0;
      spentUsd += spend;
      unknownCostCalls += this.#unknown[slot] ?? 0;
      if (spend > 0 && index < oldest) oldest = index;
    }
    const oldestSlotEndsInMs = Number.isFinite(oldest)
      ? (oldest + this.#index.length) * this.#slotMs - now
      : 0;
    return { spentUsd, unknownCostCalls, oldestSlotEndsInMs };
  }
}
