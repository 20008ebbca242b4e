import type { FakeAuth, FakeTokenSubject } from './fake-auth';
import { fail, ok, text, type FakeRoute } from './fake-route';

function tokenAnswer(auth: FakeAuth, subject: FakeTokenSubject, now: number): ReturnType<FakeRoute> {
  const { accessToken, refreshToken } = auth.issue(subject, now);
  return ok({
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: 86_399,
    refresh_token: refreshToken,
    scope: 'contacts.readonly contacts.write conversations/message.write',
    userType: subject.userType,
    ...(subject.locationId === undefined ? {} : { locationId: subject.locationId }),
    ...(subject.companyId === undefined ? {} : { companyId: subject.companyId }),
    userId: 'fake-user',
  });
}

/** OAuth routes of the fake: code exchange, rotating refresh, agency → location token. @internal */
export function createFakeOAuthRoutes(auth: FakeAuth): Record<string, FakeRoute> {
  return {
    'POST /oauth/token': (context) => {
      const { body } = context;
      if (!auth.isClient(body['client_id'], body['client_secret'])) return fail(401, 'Invalid client credentials');
      if (body['grant_type'] === 'authorization_code') {
        const subject = auth.redeemCode(body['code']);
        return subject === undefined ? fail(400, 'Invalid authorization code') : tokenAnswer(auth, subject, context.now);
      }
      if (body['grant_type'] === 'refresh_token') {
        const subject = auth.useRefreshToken(body['refresh_token']);
        return subject === undefined ? fail(400, 'Invalid grant: refresh token is invalid') : tokenAnswer(auth, subject, context.now);
      }
      return fail(422, ['grant_type must be one of the following values: authorization_code, refresh_token, client_credentials']);
    },
    'POST /oauth/locationToken': (context) => {
      const caller = auth.authenticate(context.accessToken, context.now);
      if (!caller.ok || caller.subject.userType !== 'Company') return fail(401, 'This route is not yet supported by the IAM Service');
      const locationId = text(context.body['locationId']);
      const companyId = text(context.body['companyId']);
      if (locationId === undefined || companyId === undefined) return fail(422, ['companyId should not be empty', 'locationId should not be empty']);
      if (companyId !== caller.subject.companyId) return fail(403, 'The token does not have access to this company.');
      context.state.seedLocation(locationId);
      return tokenAnswer(auth, { userType: 'Location', locationId, companyId }, context.now);
    },
  };
}
