/** Console writes captured by the shared setup file during the current test. */
export const consoleState: { allowed: boolean; writes: string[] } = { allowed: false, writes: [] };

/** Lets the current test write to the console; returns what was written so far (and later). */
export function allowConsole(): { readonly writes: readonly string[] } {
  consoleState.allowed = true;
  return {
    get writes() {
      return consoleState.writes;
    },
  };
}
