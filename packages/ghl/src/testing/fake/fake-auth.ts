import { randomBytes } from 'node:crypto';

/** Who a fake token belongs to. */
export interface FakeTokenSubject {
  /** `Location` (sub-account) or `Company` (agency). */
  userType: 'Location' | 'Company';
  /** Location id. */
  locationId?: string;
  /** Agency (company) id. */
  companyId?: string;
}

interface IssuedToken extends FakeTokenSubject {
  expiresAt: number;
  revoked: boolean;
}

/** The OAuth app the fake knows by default (`client_id` / `client_secret`). */
export const FAKE_OAUTH_CLIENT = {
  /** `client_id` the fake accepts. */
  clientId: 'fake-client-id',
  /** `client_secret` the fake accepts. */
  clientSecret: 'fake-client-secret',
} as const;

/** Token bookkeeping of the fake: issued access tokens, single-use refresh tokens, authorization codes. */
export class FakeAuth {
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, FakeTokenSubject & { used: boolean }>();
  private readonly codes = new Map<string, FakeTokenSubject>();
  private readonly clients = new Map<string, string>([[FAKE_OAUTH_CLIENT.clientId, FAKE_OAUTH_CLIENT.clientSecret]]);
  /** Successful `refresh_token` grants so far. */
  refreshCount = 0;
  /** Refresh attempts with an unknown or already used refresh token. */
  rejectedRefreshCount = 0;

  constructor(
    private readonly defaultLocationId: string,
    /** Accept any bearer token not issued here as a Private Integration token of the default location. */
    private readonly acceptAnyToken: boolean,
  ) {}

  /** Registers another OAuth app. */
  registerClient(clientId: string, clientSecret: string): void {
    this.clients.set(clientId, clientSecret);
  }

  /** Whether the client credentials are known. */
  isClient(clientId: unknown, clientSecret: unknown): boolean {
    return typeof clientId === 'string' && this.clients.get(clientId) === clientSecret;
  }

  /** Creates an authorization code, as GHL's chooselocation redirect would deliver it. */
  createAuthorizationCode(subject: FakeTokenSubject): string {
    const code = `code-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, subject);
    return code;
  }

  /** Redeems an authorization code (once). */
  redeemCode(code: unknown): FakeTokenSubject | undefined {
    if (typeof code !== 'string') return undefined;
    const subject = this.codes.get(code);
    this.codes.delete(code);
    return subject;
  }

  /** Issues a token pair valid for `expiresInSeconds`. */
  issue(subject: FakeTokenSubject, now: number, expiresInSeconds = 86_399): { accessToken: string; refreshToken: string } {
    const accessToken = `at-${randomBytes(12).toString('hex')}`;
    const refreshToken = `rt-${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(accessToken, { ...subject, expiresAt: now + expiresInSeconds * 1000, revoked: false });
    this.refreshTokens.set(refreshToken, { ...subject, used: false });
    return { accessToken, refreshToken };
  }

  /** Uses a refresh token: single use (rotation); `undefined` when unknown or already used. */
  useRefreshToken(refreshToken: unknown): FakeTokenSubject | undefined {
    const entry = typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
    if (entry === undefined || entry.used) {
      this.rejectedRefreshCount += 1;
      return undefined;
    }
    entry.used = true;
    this.refreshCount += 1;
    const { used: _used, ...subject } = entry;
    return subject;
  }

  /** Makes an access token answer 401 from now on (as if it expired). */
  expire(accessToken: string): void {
    const issued = this.accessTokens.get(accessToken);
    if (issued !== undefined) issued.revoked = true;
    else this.accessTokens.set(accessToken, { userType: 'Location', locationId: this.defaultLocationId, expiresAt: 0, revoked: true });
  }

  /** Who a bearer token belongs to, or why it is refused. */
  authenticate(accessToken: string | undefined, now: number): { ok: true; subject: FakeTokenSubject } | { ok: false; message: string } {
    if (accessToken === undefined || accessToken === '') return { ok: false, message: 'Invalid token: access token is invalid' };
    const issued = this.accessTokens.get(accessToken);
    if (issued === undefined) {
      return this.acceptAnyToken
        ? { ok: true, subject: { userType: 'Location', locationId: this.defaultLocationId } }
        : { ok: false, message: 'Invalid JWT' };
    }
    if (issued.revoked || issued.expiresAt <= now) return { ok: false, message: 'Invalid JWT' };
    return { ok: true, subject: issued };
  }
}
