/**
 * A `ListingSource` fed by listings exports, one per tenant (a file an MLS feed or the CRM drops, an object in
 * a bucket, …). Each tenant's export is loaded on first use and reloaded after `refreshMs`; a reload that fails
 * (missing file, invalid record) keeps serving the last good listings, so a bad export never empties the market.
 */
import { readFile } from 'node:fs/promises';
import {
  MemoryListingSource,
  systemClock,
  type Clock,
  type CompsCriteria,
  type Listing,
  type ListingCriteria,
  type ListingSource,
  type TenantScoped,
} from '@enterprisehub/core';
import { parseListingsExport, type ListingsExportFormat } from './parse-listings-export.js';

/** One export's raw content. */
export interface ListingsExport {
  /** File content. */
  text: string;
  /** Its format. */
  format: ListingsExportFormat;
}

/** Options of {@link createExportListingSource}. */
export interface ExportListingSourceOptions {
  /** Loads a tenant's export; `undefined` when the tenant has none (no listings). */
  load: (tenantId: string) => Promise<ListingsExport | undefined>;
  /** Reload a tenant's export after this long, ms. @defaultValue 900000 (15 min) */
  refreshMs?: number;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Told when a reload fails (the previous listings stay in use). */
  onReloadError?: (tenantId: string, error: unknown) => void;
}

/** A loader reading `<folder>/<tenantId>.csv` or `.json`. */
export function exportFolderLoader(folder: string): ExportListingSourceOptions['load'] {
  return async (tenantId) => {
    if (!/^[\w-]+$/.test(tenantId)) return undefined; // never build a path from an unexpected id
    for (const format of ['csv', 'json'] as const) {
      try {
        return { text: await readFile(`${folder}/${tenantId}.${format}`, 'utf8'), format };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return undefined;
  };
}

/** Creates the source. */
export function createExportListingSource(options: ExportListingSourceOptions): ListingSource {
  const clock = options.clock ?? systemClock;
  const refreshMs = options.refreshMs ?? 15 * 60_000;
  const loaded = new Map<string, { source: MemoryListingSource; at: number }>();

  const forTenant = async (tenantId: string): Promise<MemoryListingSource> => {
    const current = loaded.get(tenantId);
    if (current !== undefined && clock.now() - current.at < refreshMs) return current.source;
    try {
      const raw = await options.load(tenantId);
      const listings: Listing[] =
        raw === undefined ? [] : parseListingsExport(raw.text, raw.format);
      const source = new MemoryListingSource({ listings: { [tenantId]: listings } });
      loaded.set(tenantId, { source, at: clock.now() });
      return source;
    } catch (error) {
      if (current === undefined) throw error;
      options.onReloadError?.(tenantId, error);
      loaded.set(tenantId, { source: current.source, at: clock.now() }); // retry after another refreshMs
      return current.source;
    }
  };

  return {
    search: async (query: TenantScoped & { criteria: ListingCriteria; limit?: number }) =>
      (await forTenant(query.tenantId)).search(query),
    soldComps: async (query: TenantScoped & { criteria: CompsCriteria; limit?: number }) =>
      (await forTenant(query.tenantId)).soldComps(query),
    get: async (query: TenantScoped & { listingId: string }) =>
      (await forTenant(query.tenantId)).get(query),
  };
}
