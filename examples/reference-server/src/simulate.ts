/**
 * `pnpm simulate` / `./dev simulate`: sends correctly signed GHL webhooks to a running server and prints the bots'
 * replies and decisions. See docs/simulator.md.
 */
import { runSimulator } from './simulator/cli';
import { SimulatorError } from './simulator/errors';

// `./dev simulate … | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runSimulator(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: process.stderr,
}).then(
  () => process.exit(0),
  (error: unknown) => {
    const message =
      error instanceof SimulatorError
        ? error.message
        : error instanceof Error
          ? `${error.name}: ${error.message}`
          : 'unknown error';
    process.stderr.write(`simulate: ${message}\n`);
    process.exit(1);
  },
);
