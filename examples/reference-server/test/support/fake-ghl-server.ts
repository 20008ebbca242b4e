/**
 * Serves `createFakeGhl()` (GHL's real wire formats and rate-limit headers, from @enterprisehub/ghl/testing) over a
 * real HTTP port, so server processes started by a test can reach "GHL" through `GHL_BASE_URL`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeGhl, type FakeGhl } from '@enterprisehub/ghl/testing';

/** A running fake GHL. */
export interface FakeGhlServer {
  fake: FakeGhl;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the fake GHL on an ephemeral port. */
export async function startFakeGhlServer(locationId: string): Promise<FakeGhlServer> {
  const fake = createFakeGhl({ locationId });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        try {
          const headers = new Headers();
          for (const [name, value] of Object.entries(request.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
          const answer = await fake.handle(
            new Request(`http://127.0.0.1${request.url ?? '/'}`, {
              method: request.method ?? 'GET',
              headers,
              ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
            }),
          );
          response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
          response.end(Buffer.from(await answer.arrayBuffer()));
        } catch {
          response.destroy();
        }
      })();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    fake,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
