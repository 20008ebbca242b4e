/**
 * Starts `src/main.ts` as a child process (`node --import tsx`, so the workspace packages resolve to their sources
 * through the root tsconfig paths), waits until it listens (web) or its worker runs, and stops it with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = 'examples/reference-server/src/main.ts';

/** A running server process. */
export interface ServerProcess {
  role: 'web' | 'worker' | 'all';
  /** `http://127.0.0.1:<port>` for web / all. */
  baseUrl?: string;
  /** Every stdout + stderr line so far. */
  output: string[];
  child: ChildProcess;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts a server process with `env` (merged over a minimal environment). */
export async function startServerProcess(options: {
  role: 'web' | 'worker' | 'all';
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, `--role=${options.role}`], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      PORT: '0',
      HOST: '127.0.0.1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let exited = false;
  const exit = once(child, 'exit').then(([code]) => {
    exited = true;
    return code as number | null;
  });
  const ready = new Promise<string | undefined>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        output.push(line);
        const listening = /listening on http:\/\/localhost:(\d+)/.exec(line);
        if (listening) resolve(`http://127.0.0.1:${listening[1]}`);
        if (options.role === 'worker' && line.includes('"worker started"')) resolve(undefined);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exit.then((code) =>
      reject(new Error(`${options.role} exited with ${code}:\n${output.slice(-20).join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`${options.role} did not start:\n${output.slice(-20).join('\n')}`)),
      options.timeoutMs ?? 90_000,
    ).unref();
  });
  const baseUrl = await ready;
  return {
    role: options.role,
    ...(baseUrl ? { baseUrl } : {}),
    output,
    child,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      return exit;
    },
  };
}
