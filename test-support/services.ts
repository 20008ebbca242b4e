/**
 * Detects the integration services (PostgreSQL and Redis) for test suites.
 *
 * A suite that needs a service calls `requireService('postgres')` at module level and
 * uses `describe.skipIf(!pg.available)`. Without the service the suite is skipped with a
 * visible message; when `CI` is set a missing service is an error instead.
 */
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';

export type ServiceName = 'postgres' | 'redis';

const ENDPOINTS: Record<ServiceName, { host: string; port: number; url: string }> = {
  postgres: {
    host: '127.0.0.1',
    port: 5432,
    url: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  },
  redis: { host: '127.0.0.1', port: 6379, url: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
};

function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** Result of probing a service: whether to run the suite and the URL to use. */
export interface ServiceProbe {
  available: boolean;
  url: string;
}

/**
 * Probes a service. Returns `available: false` (and writes a visible skip notice to stderr)
 * when it is down; throws when it is down and `CI` is set.
 */
export async function requireService(name: ServiceName): Promise<ServiceProbe> {
  const endpoint = ENDPOINTS[name];
  const available = await canConnect(endpoint.host, endpoint.port);
  if (!available) {
    if (process.env['CI']) {
      throw new Error(`${name} is required when CI is set but is not reachable at ${endpoint.host}:${endpoint.port}`);
    }
    process.stderr.write(`\n[skip] ${name} not reachable at ${endpoint.host}:${endpoint.port}: skipping its integration suite\n`);
  }
  return { available, url: endpoint.url };
}

/** A unique name for a per-run schema or key prefix, so parallel runs don't collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}
