import type { MetricSample, MetricsRepository } from '@enterprisehub/core';

/** Name of the metric sample the tracker persists for every recorded operation. */
export const PERFORMANCE_SAMPLE_NAME = 'performance.duration_ms';

/** Options for {@link loadRecentSamples}. */
export interface LoadRecentSamplesOptions {
  /** Repository to read from. */
  repository: MetricsRepository;
  /** Tenant to load. */
  tenantId: string;
  /** Oldest sample time to load, epoch ms. */
  from: number;
  /** Samples per query. */
  pageSize: number;
  /** Most samples to load; the newest are kept. */
  maxSamples: number;
  /** Aborts the load. */
  signal?: AbortSignal;
}

/** Samples loaded for one tenant, oldest first, and whether older ones were left behind. */
export interface LoadedSamples {
  /** Samples in ascending time order. */
  samples: MetricSample[];
  /** True when `maxSamples` was reached before `from`. */
  capped: boolean;
}

/**
 * Pages backwards through a tenant's persisted performance samples, newest first, until `from`
 * or `maxSamples`. Samples sharing the page-boundary millisecond are re-read with the next page,
 * so none is lost or duplicated.
 */
export async function loadRecentSamples(options: LoadRecentSamplesOptions): Promise<LoadedSamples> {
  const pages: MetricSample[][] = [];
  let total = 0;
  let to: number | undefined;
  for (;;) {
    const limit = Math.min(options.pageSize, options.maxSamples - total);
    if (limit <= 0) return { samples: pages.reverse().flat(), capped: true };
    const page = await options.repository.querySamples({
      tenantId: options.tenantId,
      name: PERFORMANCE_SAMPLE_NAME,
      from: options.from,
      ...(to === undefined ? {} : { to }),
      limit,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (page.length < limit) {
      pages.push(page);
      return { samples: pages.reverse().flat(), capped: false };
    }
    const firstAt = page[0]?.at ?? 0;
    const rest = page.filter((sample) => sample.at !== firstAt);
    // A whole page in one millisecond cannot be split further: keep it and move past it.
    const kept = rest.length === 0 ? page : rest;
    pages.push(kept);
    total += kept.length;
    to = rest.length === 0 ? firstAt : firstAt + 1;
    if (rest.length === 0 && firstAt <= options.from) {
      return { samples: pages.reverse().flat(), capped: false };
    }
  }
}
