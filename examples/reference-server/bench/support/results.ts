/**
 * Bench results: every bench prints a table and writes `bench/results/<name>.json` (git-ignored) with its figures,
 * each against its target, so `pnpm bench` can end with one summary table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';

/** One measured figure. `met` is `null` when there is no target or the figure could not be measured. */
export interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. `≥ 0.5`. */
  target?: string;
  met?: boolean | null;
  note?: string;
}

/** The repository's `bench/results` directory. */
export const RESULTS_DIR = resolve(import.meta.dirname, '../../../../bench/results');

/** The machine a figure came from (cores, CPU model, memory, Node). */
export function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Writes the bench's JSON result file and returns its path. */
export function writeResults(
  name: string,
  figures: Figure[],
  details: Record<string, unknown> = {},
): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ bench: name, at: new Date().toISOString(), machine: machine(), figures, details }, null, 2)}\n`,
  );
  return file;
}

/** `value ≥ min` → met; `null` when unmeasured. */
export function atLeast(value: number | null, min: number): boolean | null {
  return value === null || Number.isNaN(value) ? null : value >= min;
}

/** `value < max` → met; `null` when unmeasured. */
export function below(value: number | null, max: number): boolean | null {
  return value === null || Number.isNaN(value) ? null : value < max;
}

/** Percentile (nearest rank) of unsorted values; `null` for none. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
}

/** Rounds for display. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null || Number.isNaN(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Writes a line to stdout. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints figures as an aligned table. */
export function printFigures(figures: readonly Figure[]): void {
  const rows = figures.map((figure) => [
    figure.figure,
    figure.value === null ? 'n/a' : `${figure.value} ${figure.unit}`.trim(),
    figure.target ?? '',
    figure.met === undefined || figure.met === null
      ? figure.target
        ? '?'
        : ''
      : figure.met
        ? 'met'
        : 'MISSED',
    figure.note ?? '',
  ]);
  const header = ['figure', 'value', 'target', 'result', 'note'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  out(line(header));
  out(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const row of rows) out(line(row));
}
