import { z } from 'zod';
import { callFields, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';


/** Zod schema for a workflow. */
export const ghlWorkflowSchema = z
  .object({ id: z.string(), name: z.string().nullish(), status: z.string().nullish(), version: z.number().nullish() })
  .loose();

/** A GHL workflow (automation); contacts are enrolled through the contacts resource. */
export type GhlWorkflow = z.infer<typeof ghlWorkflowSchema>;

/** Workflows API (`Version: 2021-07-28`). */
export interface WorkflowsResource {
  /** `GET /workflows/?locationId=`: the location's workflows (ids the tenant mapping points at). */
  list(options?: GhlCallOptions): Promise<GhlWorkflow[]>;
}

const workflowsAnswer = z.object({ workflows: z.array(ghlWorkflowSchema).default([]) }).loose();

/** Builds the workflows resource over a request function. @internal */
export function createWorkflowsResource(request: GhlRequestFunction, locationId: string): WorkflowsResource {
  return {
    list: async (options) => {
      const schema = workflowsAnswer;
      return (await request({ method: 'GET', path: '/workflows/', query: { locationId }, schema, ...callFields(options) })).workflows;
    },
  };
}
