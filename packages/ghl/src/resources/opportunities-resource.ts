import { z } from 'zod';
import { callFields, compact, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';


/** Zod schema for an opportunity (`SearchOpportunitiesResponseSchema`). */
export const ghlOpportunitySchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    monetaryValue: z.number().nullish(),
    pipelineId: z.string().nullish(),
    pipelineStageId: z.string().nullish(),
    assignedTo: z.string().nullish(),
    status: z.string().nullish(),
    source: z.string().nullish(),
    contactId: z.string().nullish(),
    locationId: z.string().nullish(),
    createdAt: z.string().nullish(),
    updatedAt: z.string().nullish(),
  })
  .loose();

/** A GHL opportunity (a deal in a pipeline). */
export type GhlOpportunity = z.infer<typeof ghlOpportunitySchema>;

/** Zod schema for a pipeline with its stages. */
export const ghlPipelineSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    stages: z.array(z.object({ id: z.string(), name: z.string().nullish(), position: z.number().nullish() }).loose()).default([]),
  })
  .loose();

/** A pipeline and its stages. */
export type GhlPipeline = z.infer<typeof ghlPipelineSchema>;

/** Opportunity statuses GHL accepts. */
export type GhlOpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';

/** Fields of a new opportunity (`locationId` is filled in). */
export interface GhlOpportunityInput {
  /** Pipeline id. */
  pipelineId: string;
  /** Full name (PII) or record name. */
  name: string;
  /** Contact id. */
  contactId: string;
  /** @defaultValue `'open'` */
  status?: GhlOpportunityStatus;
  /** Pipeline stage id. */
  pipelineStageId?: string;
  /** Deal value in the location's currency. */
  monetaryValue?: number;
  /** GHL user id of the owner. */
  assignedTo?: string;
  /** Custom field values by field id. */
  customFields?: readonly { id: string; field_value: unknown }[];
}

/** Filters of `GET /opportunities/search` (sent as GHL's snake_case parameters; `location_id` is filled in). */
export interface GhlOpportunitySearch {
  /** Contact id. */
  contactId?: string;
  /** Pipeline id. */
  pipelineId?: string;
  /** Pipeline stage id. */
  pipelineStageId?: string;
  /** Status filter or value. */
  status?: GhlOpportunityStatus | 'all';
  /** Free text (name, contact email, …). */
  q?: string;
  /** Page size, ≤ 100. @defaultValue `20` */
  limit?: number;
  /** Page number, from 1. */
  page?: number;
}

/** Opportunities API (`Version: 2021-07-28`): pipelines, search, create, update, stage and status. */
export interface OpportunitiesResource {
  /** `GET /opportunities/pipelines`. */
  listPipelines(options?: GhlCallOptions): Promise<GhlPipeline[]>;
  /** `GET /opportunities/search`. */
  search(search?: GhlOpportunitySearch, options?: GhlCallOptions): Promise<{ opportunities: GhlOpportunity[]; total: number }>;
  /** `GET /opportunities/{id}`. */
  get(opportunityId: string, options?: GhlCallOptions): Promise<GhlOpportunity>;
  /** `POST /opportunities/` (not retried after an ambiguous failure; search for it first). */
  create(input: GhlOpportunityInput, options?: GhlCallOptions): Promise<GhlOpportunity>;
  /** `PUT /opportunities/{id}`. */
  update(
    opportunityId: string,
    patch: Partial<Omit<GhlOpportunityInput, 'contactId'>>,
    options?: GhlCallOptions,
  ): Promise<GhlOpportunity>;
  /** `PUT /opportunities/{id}` with a new `pipelineStageId` (and `pipelineId` when moving pipelines). */
  moveToStage(opportunityId: string, stage: { pipelineStageId: string; pipelineId?: string }, options?: GhlCallOptions): Promise<GhlOpportunity>;
  /** `PUT /opportunities/{id}/status`. */
  updateStatus(opportunityId: string, update: { status: GhlOpportunityStatus; lostReasonId?: string }, options?: GhlCallOptions): Promise<void>;
}

const opportunityAnswer = z.object({ opportunity: ghlOpportunitySchema }).loose();
const pipelinesAnswer = z.object({ pipelines: z.array(ghlPipelineSchema).default([]) }).loose();
const opportunitiesAnswer = z.object({ opportunities: z.array(ghlOpportunitySchema).default([]), meta: z.object({ total: z.number().nullish() }).loose().nullish() }).loose();
const emptyAnswer = z.object({}).loose();

/** Builds the opportunities resource over a request function. @internal */
export function createOpportunitiesResource(request: GhlRequestFunction, locationId: string): OpportunitiesResource {
  const single = opportunityAnswer;
  const update: OpportunitiesResource['update'] = async (opportunityId, patch, options) =>
    (await request({ method: 'PUT', path: '/opportunities/{id}', pathParams: { id: opportunityId }, body: compact({ ...patch }), schema: single, ...callFields(options) }))
      .opportunity;
  return {
    listPipelines: async (options) => {
      const schema = pipelinesAnswer;
      return (await request({ method: 'GET', path: '/opportunities/pipelines', query: { locationId }, schema, ...callFields(options) })).pipelines;
    },
    search: async (search = {}, options) => {
      const query = {
        location_id: locationId,
        contact_id: search.contactId,
        pipeline_id: search.pipelineId,
        pipeline_stage_id: search.pipelineStageId,
        status: search.status,
        q: search.q,
        limit: search.limit,
        page: search.page,
      };
      const schema = opportunitiesAnswer;
      const result = await request({ method: 'GET', path: '/opportunities/search', query, schema, ...callFields(options) });
      return { opportunities: result.opportunities, total: result.meta?.total ?? result.opportunities.length };
    },
    get: async (opportunityId, options) =>
      (await request({ method: 'GET', path: '/opportunities/{id}', pathParams: { id: opportunityId }, schema: single, ...callFields(options) })).opportunity,
    create: async (input, options) => {
      const body = compact({ ...input, status: input.status ?? 'open', locationId });
      return (await request({ method: 'POST', path: '/opportunities/', body, schema: single, ...callFields(options) })).opportunity;
    },
    update,
    moveToStage: (opportunityId, stage, options) => update(opportunityId, stage, options),
    updateStatus: async (opportunityId, body, options) => {
      const schema = emptyAnswer;
      await request({ method: 'PUT', path: '/opportunities/{id}/status', pathParams: { id: opportunityId }, body: compact({ ...body }), schema, ...callFields(options) });
    },
  };
}
