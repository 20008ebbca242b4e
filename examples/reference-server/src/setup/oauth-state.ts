/**
 * The `state` of the GHL app install flow (CSRF protection): `GET /oauth/install` issues a signed, expiring state
 * bound to the installer's browser by a nonce cookie; `GET /oauth/callback` accepts the code only with a state whose
 * signature, expiry and nonce check out. Stateless (HMAC-SHA256 with a key derived from the runtime's JWT secret),
 * so any instance of a deployment can verify a state issued by another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@enterprisehub/core';

/** Cookie carrying the nonce of the install in progress (path `/oauth`, HttpOnly, SameSite=Lax). */
export const OAUTH_STATE_COOKIE = 'eh_ghl_oauth';
/** Default lifetime of a state, ms (10 minutes: long enough to choose a location and approve). */
export const OAUTH_STATE_TTL_MS = 600_000;

/** Why a state was refused (never echoes the value). */
export type OAuthStateFailure =
  'missing' | 'malformed' | 'bad-signature' | 'expired' | 'not-this-browser';

/** A freshly issued state and the nonce to put in the cookie. */
export interface IssuedOAuthState {
  state: string;
  nonce: string;
  expiresAt: number;
}

/** Issues and verifies install states. */
export interface OAuthStateSigner {
  readonly ttlMs: number;
  issue(): IssuedOAuthState;
  /** Checks `state` (from the query) against `nonce` (from the cookie). */
  verify(options: {
    state: unknown;
    nonce: string | undefined;
  }): { ok: true } | { ok: false; reason: OAuthStateFailure };
}

const encode = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** Creates the signer; `secret` is the runtime's JWT secret (a purpose-specific key is derived from it). */
export function createOAuthStateSigner(options: {
  secret: Uint8Array;
  clock: Clock;
  ttlMs?: number;
}): OAuthStateSigner {
  const key = createHmac('sha256', options.secret).update('ghl-oauth-state/v1').digest();
  const ttlMs = options.ttlMs ?? OAUTH_STATE_TTL_MS;
  const sign = (payload: string): Buffer => createHmac('sha256', key).update(payload).digest();
  return {
    ttlMs,
    issue: () => {
      const nonce = encode(randomBytes(18));
      const expiresAt = options.clock.now() + ttlMs;
      const payload = encode(JSON.stringify({ n: nonce, e: expiresAt }));
      return { state: `${payload}.${encode(sign(payload))}`, nonce, expiresAt };
    },
    verify: ({ state, nonce }) => {
      if (typeof state !== 'string' || state.length === 0) return { ok: false, reason: 'missing' };
      const parts = state.length <= 512 ? state.split('.') : [];
      const [payload, signature] = parts;
      if (parts.length !== 2 || !payload || !signature) return { ok: false, reason: 'malformed' };
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'bad-signature' };
      let claims: { n?: unknown; e?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof claims.n !== 'string' || typeof claims.e !== 'number')
        return { ok: false, reason: 'malformed' };
      if (claims.e <= options.clock.now()) return { ok: false, reason: 'expired' };
      const cookie = Buffer.from(nonce ?? '');
      const bound = Buffer.from(claims.n);
      if (cookie.length !== bound.length || !timingSafeEqual(cookie, bound))
        return { ok: false, reason: 'not-this-browser' };
      return { ok: true };
    },
  };
}

/** Reads one cookie from a `Cookie` header (no dependency on a cookie parser). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
