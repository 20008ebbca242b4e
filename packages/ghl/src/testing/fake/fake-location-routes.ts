import { fail, find, isResult, ok, validate, type FakeRoute, type FakeRouteContext } from './fake-route';

function sameLocation(context: FakeRouteContext): ReturnType<FakeRoute> | undefined {
  const requested = context.params['locationId'] ?? context.query.get('locationId');
  if (requested === null || requested === undefined) return fail(422, ['locationId should not be empty']);
  return requested === context.locationId ? undefined : fail(403, 'The token does not have access to this location.');
}

/** Locations, users and workflows routes of the fake. @internal */
export const FAKE_LOCATION_ROUTES: Record<string, FakeRoute> = {
  'GET /locations/{locationId}': (context) => sameLocation(context) ?? ok({ location: context.state.locations.get(context.locationId) }),
  'GET /locations/{locationId}/customFields': (context) => {
    const model = context.query.get('model');
    const fields = context.state.inLocation(context.state.customFields, context.locationId).filter((field) => model === null || model === 'all' || field['model'] === model);
    return sameLocation(context) ?? ok({ customFields: fields });
  },
  'GET /locations/{locationId}/customValues': (context) =>
    sameLocation(context) ?? ok({ customValues: context.state.inLocation(context.state.customValues, context.locationId) }),
  'PUT /locations/{locationId}/customValues/{id}': (context) => {
    const denied = sameLocation(context) ?? validate(context.body, { required: ['name', 'value'], allowed: ['name', 'value'] });
    if (denied !== undefined) return denied;
    const customValue = find(context.state.customValues, context.params['id'], context);
    if (isResult(customValue)) return customValue;
    Object.assign(customValue, context.body);
    return ok({ customValue });
  },
  'GET /users/': (context) => sameLocation(context) ?? ok({ users: context.state.inLocation(context.state.users, context.locationId) }),
  'GET /users/{userId}': (context) => {
    const user = find(context.state.users, context.params['userId'], context);
    return isResult(user) ? user : ok(user);
  },
  'GET /workflows/': (context) => sameLocation(context) ?? ok({ workflows: context.state.inLocation(context.state.workflows, context.locationId) }),
};
