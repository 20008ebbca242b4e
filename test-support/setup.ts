/**
 * Shared vitest setup: a test that writes to the console fails, unless it opted in with
 * `allowConsole()`. A cheap guard against stray debug output and PII in logs.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { consoleState } from './console.js';

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

beforeEach(() => {
  consoleState.allowed = false;
  consoleState.writes = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleState.writes.push(`console.${method}: ${args.map(String).join(' ').slice(0, 200)}`);
    });
  }
});

afterEach(() => {
  const writes = consoleState.writes;
  for (const method of methods) vi.mocked(console[method]).mockRestore();
  if (!consoleState.allowed && writes.length > 0) {
    expect.fail(`test wrote to the console unexpectedly:\n${writes.join('\n')}`);
  }
});
