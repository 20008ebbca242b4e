/**
 * A FIFO async mutex: PGlite is one connection, so the driver lends it to one Kysely
 * connection (one query or one whole transaction) at a time.
 *
 * @internal
 */
export class PgliteMutex {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;

  /** Number of callers queued behind the current holder. */
  get waiting(): number {
    return this.#waiting;
  }

  /** Resolves with a release function once every earlier caller has released. */
  async lock(): Promise<() => void> {
    let release: () => void = () => undefined;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    this.#waiting += 1;
    await previous;
    this.#waiting -= 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  }
}
