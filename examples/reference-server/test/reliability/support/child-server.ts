/**
 * Runs the reference server as a real child process (`tsx src/main.ts`), so tests can `kill -9` it and restart it
 * on the same data, exactly as an operator's process manager would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const MAIN = `${ROOT}examples/reference-server/src/main.ts`;

/** A started server process. */
export interface ChildServer {
  /** `http://127.0.0.1:<port>` (undefined for `--role=worker`). */
  baseUrl: string | undefined;
  process: ChildProcess;
  /** Every line the process wrote to stdout and stderr. */
  output: string[];
  /** `kill -9`: no shutdown hooks, no drain. Resolves once the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM and wait for the graceful shutdown (drain, close stores). */
  stop(): Promise<number | null>;
}

/** Starts `src/main.ts` with `env` (merged over a minimal environment) and waits until it listens or runs. */
export async function startChildServer(options: {
  env: Record<string, string>;
  role?: 'web' | 'worker' | 'all';
  /** @defaultValue 120000 (cold starts under a loaded CI machine are slow) */
  startTimeoutMs?: number;
}): Promise<ChildServer> {
  const role = options.role ?? 'all';
  const child = spawn(TSX, [MAIN, `--role=${role}`], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let buffered = '';
  let resolveUrl: (url: string | undefined) => void = () => undefined;
  const ready = new Promise<string | undefined>((resolve) => {
    resolveUrl = resolve;
  });
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      output.push(line);
      const listening = /listening on http:\/\/[^:]+:(\d+)/.exec(line);
      if (listening) resolveUrl(`http://127.0.0.1:${listening[1]}`);
      if (role === 'worker' && line.includes('worker')) resolveUrl(undefined);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = once(child, 'exit');
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const baseUrl = await Promise.race([
    ready,
    exited.then(() => {
      throw new Error(`server exited during start:\n${output.slice(-20).join('\n')}`);
    }),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(`server did not start in ${timeoutMs} ms:\n${output.slice(-20).join('\n')}`),
        );
      }, timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  return {
    baseUrl,
    process: child,
    output,
    crash: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
