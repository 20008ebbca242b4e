import type { FakeRecord } from './fake-ghl-state';
import { fail, find, iso, isResult, ok, validate, type FakeRoute } from './fake-route';

const STATUSES = ['open', 'won', 'lost', 'abandoned', 'all'];
const UPDATE_FIELDS = ['pipelineId', 'name', 'pipelineStageId', 'status', 'monetaryValue', 'assignedTo', 'customFields'];

function badStatus(status: unknown): boolean {
  return status !== undefined && (typeof status !== 'string' || !STATUSES.includes(status));
}

/** Opportunities API routes of the fake. @internal */
export const FAKE_OPPORTUNITY_ROUTES: Record<string, FakeRoute> = {
  'GET /opportunities/pipelines': (context) => {
    if (context.query.get('locationId') === null) return fail(422, ['locationId should not be empty']);
    return ok({ pipelines: context.state.inLocation(context.state.pipelines, context.locationId) });
  },
  'GET /opportunities/search': (context) => {
    if (context.query.get('location_id') === null) return fail(422, ['location_id should not be empty']);
    const filters: [string, string | null][] = [
      ['contactId', context.query.get('contact_id')],
      ['pipelineId', context.query.get('pipeline_id')],
      ['pipelineStageId', context.query.get('pipeline_stage_id')],
      ['status', context.query.get('status') === 'all' ? null : context.query.get('status')],
    ];
    const all = context.state
      .inLocation(context.state.opportunities, context.locationId)
      .filter((opportunity) => filters.every(([field, value]) => value === null || opportunity[field] === value));
    const limit = Number(context.query.get('limit') ?? 20);
    return ok({ opportunities: all.slice(0, limit), meta: { total: all.length, currentPage: 1 } });
  },
  'GET /opportunities/{id}': (context) => {
    const opportunity = find(context.state.opportunities, context.params['id'], context);
    return isResult(opportunity) ? opportunity : ok({ opportunity });
  },
  'POST /opportunities/': (context) => {
    const invalid = validate(context.body, {
      required: ['pipelineId', 'locationId', 'name', 'status', 'contactId'],
      allowed: [...UPDATE_FIELDS, 'locationId', 'contactId'],
    });
    if (invalid !== undefined) return invalid;
    if (badStatus(context.body['status'])) return fail(422, ['status must be one of the following values: open, won, lost, abandoned, all']);
    const pipeline = find(context.state.pipelines, String(context.body['pipelineId']), context);
    if (isResult(pipeline)) return fail(400, 'Pipeline not found');
    const opportunity: FakeRecord = {
      ...context.body,
      id: context.state.nextId('op'),
      locationId: context.locationId,
      pipelineStageId: context.body['pipelineStageId'] ?? (pipeline['stages'] as { id: string }[])[0]?.id,
      source: 'api',
      createdAt: iso(context.now),
      updatedAt: iso(context.now),
    };
    context.state.opportunities.set(opportunity.id, opportunity);
    return ok({ opportunity }, 201);
  },
  'PUT /opportunities/{id}': (context) => {
    const invalid = validate(context.body, { allowed: UPDATE_FIELDS });
    if (invalid !== undefined) return invalid;
    if (badStatus(context.body['status'])) return fail(422, ['status must be one of the following values: open, won, lost, abandoned, all']);
    const opportunity = find(context.state.opportunities, context.params['id'], context);
    if (isResult(opportunity)) return opportunity;
    Object.assign(opportunity, context.body, { updatedAt: iso(context.now) });
    return ok({ opportunity });
  },
  'PUT /opportunities/{id}/status': (context) => {
    const invalid = validate(context.body, { required: ['status'], allowed: ['status', 'lostReasonId'] });
    if (invalid !== undefined) return invalid;
    if (badStatus(context.body['status'])) return fail(422, ['status must be one of the following values: open, won, lost, abandoned, all']);
    const opportunity = find(context.state.opportunities, context.params['id'], context);
    if (isResult(opportunity)) return opportunity;
    Object.assign(opportunity, context.body, { updatedAt: iso(context.now), lastStatusChangeAt: iso(context.now) });
    return ok({ succeded: true });
  },
};
