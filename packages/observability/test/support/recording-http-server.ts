import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request received by the recording server. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

/** A scripted answer; `hang` never answers (for timeouts). */
export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  hang?: boolean;
}

/** A local HTTP server that records requests and answers from a script (then 200/202 by default). */
export interface RecordingHttpServer {
  url: string;
  requests: RecordedRequest[];
  /** Queue answers for the next requests. */
  answer(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

/** Starts a recording server on 127.0.0.1 with a random port. */
export async function startRecordingHttpServer(
  defaultAnswer: ScriptedAnswer = { status: 200, body: 'ok' },
): Promise<RecordingHttpServer> {
  const requests: RecordedRequest[] = [];
  const script: ScriptedAnswer[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        json,
      });
      const answer = script.shift() ?? defaultAnswer;
      if (answer.hang === true) return;
      response.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/plain' });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (...answers) => void script.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
