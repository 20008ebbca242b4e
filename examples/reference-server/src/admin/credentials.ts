/**
 * Admin API credentials: API keys (`ehk_` + 256 random bits, stored as SHA-256), the embedded/bootstrap admin key,
 * and 1-hour HS256 JWTs for the dashboard (`jose`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  EnterpriseHubError,
  type AdminStore,
  type ApiKeyRecord,
  type Clock,
} from '@enterprisehub/core';
import { SignJWT, jwtVerify } from 'jose';

/** Prefix of every admin API key secret. */
export const API_KEY_PREFIX = 'ehk_';
/** Id the bootstrap key (`runtime.secrets.adminApiKey`) authenticates as. */
export const BOOTSTRAP_KEY_ID = 'bootstrap';
/** Lifetime of a dashboard JWT, seconds. */
export const TOKEN_TTL_SECONDS = 3600;
const ISSUER = 'enterprisehub';
const AUDIENCE = 'enterprisehub-admin';

/** Who is calling: the key (or the key behind a JWT) and its scope. */
export interface Caller {
  /** Key id (`bootstrap` for the bootstrap key). */
  keyId: string;
  /** `'*'` for every tenant, else one tenant id. */
  scope: string;
  /** How the caller authenticated. */
  via: 'api_key' | 'jwt';
}

/** Hex SHA-256 of a secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A fresh key: the secret (shown once) and the record to store. */
export function generateApiKey(options: {
  name: string;
  scope: string;
  createdBy: string;
  now: number;
}): { secret: string; record: ApiKeyRecord } {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return {
    secret,
    record: {
      id: `key_${randomBytes(8).toString('hex')}`,
      name: options.name,
      scope: options.scope,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      createdAt: options.now,
      createdBy: options.createdBy,
    },
  };
}

const invalid = (
  message = 'The API key or token is unknown, revoked or expired.',
): EnterpriseHubError => new EnterpriseHubError({ code: 'AUTH_INVALID', message });

/** Verifies credentials against the bootstrap key and the store, and issues and checks JWTs. */
export class CredentialVerifier {
  readonly #store: AdminStore;
  readonly #clock: Clock;
  readonly #bootstrapHash: Buffer;
  readonly #jwtSecret: Uint8Array;

  /** Creates the verifier. */
  constructor(options: {
    store: AdminStore;
    clock: Clock;
    bootstrapKey: string;
    jwtSecret: Uint8Array;
  }) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#bootstrapHash = Buffer.from(hashSecret(options.bootstrapKey), 'hex');
    this.#jwtSecret = options.jwtSecret;
  }

  /** The caller for a bearer credential; throws `AUTH_INVALID`. */
  async authenticate(credential: string): Promise<Caller> {
    if (looksLikeJwt(credential)) return this.#verifyToken(credential);
    const hash = hashSecret(credential);
    if (timingSafeEqual(Buffer.from(hash, 'hex'), this.#bootstrapHash)) {
      return { keyId: BOOTSTRAP_KEY_ID, scope: '*', via: 'api_key' };
    }
    const key = await this.#store.findApiKeyByHash({ secretHash: hash });
    if (!key || key.revokedAt !== undefined) throw invalid();
    return { keyId: key.id, scope: key.scope, via: 'api_key' };
  }

  /** Issues a 1-hour JWT carrying the caller's key id and scope. */
  async issueToken(caller: Caller): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(this.#clock.now() / 1000);
    const expiresAtSeconds = issuedAt + TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ scope: caller.scope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(caller.keyId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .sign(this.#jwtSecret);
    return { token, expiresAt: expiresAtSeconds * 1000 };
  }

  async #verifyToken(token: string): Promise<Caller> {
    let payload: { sub?: string; scope?: unknown };
    try {
      ({ payload } = await jwtVerify(token, this.#jwtSecret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.#clock.now()),
      }));
    } catch {
      throw invalid();
    }
    const keyId = payload.sub;
    const scope = payload.scope;
    if (typeof keyId !== 'string' || typeof scope !== 'string') throw invalid();
    if (keyId !== BOOTSTRAP_KEY_ID) {
      // A revoked key's tokens stop working at once.
      const key = await this.#store.getApiKey({ id: keyId });
      if (!key || key.revokedAt !== undefined || key.scope !== scope) throw invalid();
    }
    return { keyId, scope, via: 'jwt' };
  }
}

function looksLikeJwt(credential: string): boolean {
  return !credential.startsWith(API_KEY_PREFIX) && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(credential);
}
