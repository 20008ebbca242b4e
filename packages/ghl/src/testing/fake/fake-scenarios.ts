/** One scenario switch of the fake; applies to the next `count` matching requests. @internal */
export interface FakeScenario {
  kind: 'rateLimitStorm' | 'serverError' | 'slowResponse' | 'networkError';
  remaining: number;
  operation: string | undefined;
  status: number;
  delayMs: number;
}

/** Which requests a scenario applies to and how often. */
export interface FakeScenarioTarget {
  /** Number of matching requests affected. @defaultValue `1` */
  count?: number;
  /** Only requests to this operation, e.g. `POST /conversations/messages`; all when omitted. */
  operation?: string;
}

/** Scenario switches that make the fake misbehave like GHL on a bad day. */
export interface FakeGhlScenarios {
  /** The next `count` requests are answered 429 (with `X-RateLimit-Remaining: 0`) without being processed. */
  rateLimitStorm(count: number, target?: Omit<FakeScenarioTarget, 'count'>): void;
  /** The next matching request(s) are answered with a 5xx (default 500) without being processed ("5xx once"). */
  serverError(target?: FakeScenarioTarget & { status?: number }): void;
  /** The next matching request(s) are processed, then answered only after `delayMs` on the fake's clock. */
  slowResponse(target: FakeScenarioTarget & { delayMs: number }): void;
  /** The next matching request(s) fail like a dropped connection, without being processed. */
  networkError(target?: FakeScenarioTarget): void;
  /** Makes an access token answer 401 `Invalid JWT` from now on ("expired token"). */
  expireToken(accessToken: string): void;
  /** Removes every pending scenario (expired tokens stay expired). */
  clear(): void;
}

/** Pending scenarios, consumed in order as requests match them. @internal */
export class FakeScenarioQueue {
  private pending: FakeScenario[] = [];

  /** Adds a scenario. */
  add(kind: FakeScenario['kind'], target: FakeScenarioTarget & { status?: number; delayMs?: number }): void {
    this.pending.push({ kind, remaining: target.count ?? 1, operation: target.operation, status: target.status ?? 500, delayMs: target.delayMs ?? 0 });
  }

  /** Takes the first pending scenario of `kinds` that matches `operation`, decrementing its count. */
  take(operation: string, kinds: readonly FakeScenario['kind'][]): FakeScenario | undefined {
    const scenario = this.pending.find((candidate) => kinds.includes(candidate.kind) && (candidate.operation === undefined || candidate.operation === operation));
    if (scenario === undefined) return undefined;
    scenario.remaining -= 1;
    if (scenario.remaining <= 0) this.pending = this.pending.filter((candidate) => candidate !== scenario);
    return scenario;
  }

  /** Removes every pending scenario. */
  clear(): void {
    this.pending = [];
  }
}
