import { z } from 'zod';
import type { Clock } from '@enterprisehub/core';
import { GhlApiError } from '../client/ghl-api-error';
import type { GhlRequest } from '../client/ghl-request';
import { parseGhlResponse } from '../client/parse-ghl-response';
import { sendGhlRequest } from '../client/send-ghl-request';
import type { GhlTokenRecord } from './ghl-token-store';

const tokenAnswerSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().nullish(),
    expires_in: z.number().positive().nullish(),
    userType: z.string().nullish(),
    locationId: z.string().nullish(),
    companyId: z.string().nullish(),
    scope: z.string().nullish(),
    userId: z.string().nullish(),
  })
  .loose();

/** Transport settings of the OAuth endpoints. @internal */
export interface OAuthEndpointOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  timeoutMs: number;
}

/**
 * Calls `POST /oauth/token` or `POST /oauth/locationToken` (form bodies) and turns the answer into a
 * {@link GhlTokenRecord}. Retries once after a 5xx or network error; 4xx → `GHL_AUTH_FAILED`. @internal
 */
export async function requestToken(
  options: OAuthEndpointOptions,
  call: { path: '/oauth/token' | '/oauth/locationToken'; form: Record<string, string>; bearer?: string; signal?: AbortSignal },
  fallback: Pick<GhlTokenRecord, 'userType' | 'locationId' | 'companyId'>,
): Promise<GhlTokenRecord> {
  const request: GhlRequest<z.infer<typeof tokenAnswerSchema>> = {
    method: 'POST',
    path: call.path,
    form: call.form,
    schema: tokenAnswerSchema,
    ...(call.signal === undefined ? {} : { signal: call.signal }),
  };
  const version = call.path === '/oauth/locationToken' ? '2021-07-28' : undefined;
  for (let attempt = 1; ; attempt += 1) {
    let status: number | undefined;
    try {
      const response = await sendGhlRequest({ ...options, request, accessToken: call.bearer, version });
      status = response.status;
      if (status >= 200 && status < 300) {
        const answer = parseGhlResponse(request, response);
        const now = options.clock.now();
        const userType = answer.userType === 'Company' || answer.userType === 'Location' ? answer.userType : fallback.userType;
        const locationId = answer.locationId ?? fallback.locationId;
        const companyId = answer.companyId ?? fallback.companyId;
        return {
          accessToken: answer.access_token,
          ...(answer.refresh_token == null ? {} : { refreshToken: answer.refresh_token }),
          expiresAt: now + (answer.expires_in ?? 86_399) * 1000,
          userType,
          ...(locationId == null ? {} : { locationId }),
          ...(companyId == null ? {} : { companyId }),
          ...(answer.scope == null ? {} : { scope: answer.scope }),
          ...(answer.userId == null ? {} : { userId: answer.userId }),
          updatedAt: now,
        };
      }
    } catch (error) {
      if (!GhlApiError.isGhlApiError(error) || error.status !== undefined || attempt >= 2) throw error;
      continue;
    }
    if (status < 500 || attempt >= 2) {
      throw new GhlApiError({
        status,
        method: 'POST',
        pathTemplate: call.path,
        code: status >= 500 ? 'GHL_UNAVAILABLE' : 'GHL_AUTH_FAILED',
        message: `GHL ${call.path} refused the token request with status ${status}.`,
      });
    }
  }
}
