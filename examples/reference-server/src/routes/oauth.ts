/**
 * GHL Marketplace app install flow (only mounted when `GHL_CLIENT_ID` / `GHL_CLIENT_SECRET` are set):
 * `GET /oauth/install` redirects the installer to GHL's location chooser with a signed, expiring `state` (and sets a
 * nonce cookie binding it to this browser); `GET /oauth/callback?code=&state=` refuses a missing, forged, expired or
 * foreign state with a 400 before any call to GHL, then exchanges the code and stores the location's tokens,
 * encrypted with the PII keyring, in the shared database.
 */
import { Router } from 'express';
import { toEnterpriseHubError, type TenantRegistry } from '@enterprisehub/core';
import type { GhlOAuth } from '@enterprisehub/ghl';
import type { Logger } from '../logger';
import { OAUTH_STATE_COOKIE, readCookie, type OAuthStateSigner } from '../setup/oauth-state';
import { sendError } from './http-error';

/** Scopes the bots need: contacts, conversations/messages, opportunities, calendars, workflows, locations. */
export const GHL_OAUTH_SCOPES = [
  'contacts.readonly',
  'contacts.write',
  'conversations.readonly',
  'conversations.write',
  'conversations/message.readonly',
  'conversations/message.write',
  'opportunities.readonly',
  'opportunities.write',
  'calendars.readonly',
  'calendars/events.write',
  'workflows.readonly',
  'locations.readonly',
  'locations/customFields.readonly',
] as const;

/** Options of {@link oauthRoutes}. */
export interface OAuthRoutesOptions {
  oauth: GhlOAuth;
  tenants: TenantRegistry;
  logger: Logger;
  /** Issues and verifies the install `state`. */
  state: OAuthStateSigner;
  /** Mark the nonce cookie `Secure` (when the public URL is https). */
  secureCookie: boolean;
}

const STATE_MESSAGES = {
  missing:
    'The install callback needs the state issued by /oauth/install; start the install there.',
  malformed: 'The install state is not valid; start the install again from /oauth/install.',
  'bad-signature': 'The install state is not valid; start the install again from /oauth/install.',
  expired: 'The install state has expired; start the install again from /oauth/install.',
  'not-this-browser':
    'The install state was issued to another browser session; start the install again from /oauth/install.',
} as const;

/** Routes of the install flow. */
export function oauthRoutes(options: OAuthRoutesOptions): Router {
  const router = Router();
  const cookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookie,
    path: '/oauth',
  };
  router.get('/oauth/install', (_request, response) => {
    const issued = options.state.issue();
    response.cookie(OAUTH_STATE_COOKIE, issued.nonce, { ...cookie, maxAge: options.state.ttlMs });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(
      options.oauth.authorizeUrl({ scopes: GHL_OAUTH_SCOPES, state: issued.state }),
    );
  });
  router.get('/oauth/callback', async (request, response) => {
    const verdict = options.state.verify({
      state: request.query['state'],
      nonce: readCookie(request.headers.cookie, OAUTH_STATE_COOKIE),
    });
    if (!verdict.ok) {
      options.logger.warn({ reason: verdict.reason }, 'GHL install callback refused: bad state');
      sendError(response, {
        code: 'VALIDATION_FAILED',
        message: STATE_MESSAGES[verdict.reason],
        status: 400,
      });
      return;
    }
    response.clearCookie(OAUTH_STATE_COOKIE, cookie);
    const code = request.query['code'];
    if (typeof code !== 'string' || code.length === 0 || code.length > 2048) {
      sendError(response, {
        code: 'VALIDATION_FAILED',
        message: 'The install callback needs a code query parameter.',
        status: 400,
      });
      return;
    }
    try {
      const token = await options.oauth.exchangeCode({ code });
      const tenant = token.locationId
        ? options.tenants.getByLocationId(token.locationId)
        : undefined;
      options.logger.info(
        {
          userType: token.userType,
          locationId: token.locationId,
          tenantId: tenant?.id,
          known: Boolean(tenant),
        },
        'GHL app installed',
      );
      response.status(200).json({
        status: 'installed',
        userType: token.userType,
        ...(token.locationId ? { locationId: token.locationId } : {}),
        ...(tenant ? { tenantId: tenant.id } : {}),
        // A location without a tenant entry is stored but receives no bot work until a tenant maps it.
        tenantConfigured: Boolean(tenant),
      });
    } catch (error) {
      const failure = toEnterpriseHubError(error);
      options.logger.warn({ code: failure.code }, 'GHL app install failed');
      sendError(response, {
        code: 'GHL_AUTH_FAILED',
        message: 'The GHL authorization code could not be exchanged; start the install again.',
        status: 502,
      });
    }
  });
  return router;
}
