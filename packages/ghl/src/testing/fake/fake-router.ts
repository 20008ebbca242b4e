import type { FakeAuth } from './fake-auth';
import { FAKE_CALENDAR_ROUTES } from './fake-calendar-routes';
import { FAKE_CONTACT_ROUTES } from './fake-contact-routes';
import { FAKE_CONVERSATION_ROUTES } from './fake-conversation-routes';
import { FAKE_LOCATION_ROUTES } from './fake-location-routes';
import { createFakeOAuthRoutes } from './fake-oauth-routes';
import { FAKE_OPPORTUNITY_ROUTES } from './fake-opportunity-routes';
import type { FakeRoute } from './fake-route';

/** A matched route: its operation key (`METHOD /template`), path parameters and handler. @internal */
export interface FakeRouteMatch {
  operation: string;
  params: Record<string, string>;
  route: FakeRoute;
}

interface CompiledRoute {
  method: string;
  operation: string;
  pattern: RegExp;
  names: string[];
  route: FakeRoute;
}

/** Matches requests to the fake's routes by method and path template. @internal */
export class FakeRouter {
  private readonly routes: CompiledRoute[];

  constructor(auth: FakeAuth) {
    const table: Record<string, FakeRoute> = {
      ...FAKE_CONTACT_ROUTES,
      ...FAKE_CONVERSATION_ROUTES,
      ...FAKE_OPPORTUNITY_ROUTES,
      ...FAKE_CALENDAR_ROUTES,
      ...FAKE_LOCATION_ROUTES,
      ...createFakeOAuthRoutes(auth),
    };
    this.routes = Object.entries(table).map(([operation, route]) => {
      const [method = '', template = ''] = operation.split(' ');
      const names: string[] = [];
      const source = template
        .replace(/\/+$/, '')
        .split('/')
        .map((segment) => {
          const name = /^\{(\w+)\}$/.exec(segment)?.[1];
          if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('/');
      return { method, operation, pattern: new RegExp(`^${source}/?$`), names, route };
    });
    // Literal segments win over placeholders (`/contacts/search` before `/contacts/{contactId}`).
    this.routes.sort((left, right) => left.names.length - right.names.length);
  }

  /** The route for a method and path, if the fake serves it. */
  match(method: string, pathname: string): FakeRouteMatch | undefined {
    for (const candidate of this.routes) {
      if (candidate.method !== method) continue;
      const found = candidate.pattern.exec(pathname);
      if (found === null) continue;
      const params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]));
      return { operation: candidate.operation, params, route: candidate.route };
    }
    return undefined;
  }
}
