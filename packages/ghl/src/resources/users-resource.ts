import { z } from 'zod';
import { callFields, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';


/** Zod schema for a user (an agent of the agency). */
export const ghlUserSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    email: z.string().nullish(),
    deleted: z.boolean().nullish(),
    roles: z.object({ type: z.string().nullish(), role: z.string().nullish() }).loose().nullish(),
  })
  .loose();

/** A GHL user (agent), e.g. for assigning contacts, opportunities and appointments. */
export type GhlUser = z.infer<typeof ghlUserSchema>;

/** Users API (`Version: 2021-07-28`). */
export interface UsersResource {
  /** `GET /users/?locationId=`: the location's users. */
  list(options?: GhlCallOptions): Promise<GhlUser[]>;
  /** `GET /users/{userId}`. */
  get(userId: string, options?: GhlCallOptions): Promise<GhlUser>;
}

const usersAnswer = z.object({ users: z.array(ghlUserSchema).default([]) }).loose();

/** Builds the users resource over a request function. @internal */
export function createUsersResource(request: GhlRequestFunction, locationId: string): UsersResource {
  return {
    list: async (options) => {
      const schema = usersAnswer;
      return (await request({ method: 'GET', path: '/users/', query: { locationId }, schema, ...callFields(options) })).users;
    },
    get: (userId, options) => request({ method: 'GET', path: '/users/{userId}', pathParams: { userId }, schema: ghlUserSchema, ...callFields(options) }),
  };
}
