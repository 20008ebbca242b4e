import { http, HttpResponse, type HttpHandler } from 'msw';
import { GHL_API_BASE_URL } from '../client/create-ghl-client';
import type { FakeGhl } from './fake/create-fake-ghl';

/** Options of {@link createGhlHandlers}. */
export interface CreateGhlHandlersOptions {
  /** Host the handlers intercept. @defaultValue `https://services.leadconnectorhq.com` */
  baseUrl?: string;
}

/**
 * msw request handlers that serve every GHL API request from a {@link FakeGhl} (a simulated network error
 * becomes `HttpResponse.error()`). Framework-agnostic: use them with `setupServer` from `msw/node`.
 *
 * @example
 * ```ts
 * const fake = createFakeGhl();
 * const server = setupServer(...createGhlHandlers(fake));
 * server.listen({ onUnhandledFrame: 'error' });
 * ```
 */
export function createGhlHandlers(fake: FakeGhl, options: CreateGhlHandlersOptions = {}): HttpHandler[] {
  const baseUrl = (options.baseUrl ?? GHL_API_BASE_URL).replace(/\/+$/, '');
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      try {
        return await fake.handle(request);
      } catch (error) {
        if (request.signal.aborted) throw error;
        return HttpResponse.error();
      }
    }),
  ];
}
