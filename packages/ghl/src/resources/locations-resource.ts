import { z } from 'zod';
import { callFields, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';


/** Zod schema for a custom field definition. */
export const ghlCustomFieldSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    fieldKey: z.string().nullish(),
    dataType: z.string().nullish(),
    model: z.string().nullish(),
    picklistOptions: z.array(z.unknown()).nullish(),
  })
  .loose();

/** A custom field definition (`fieldKey` like `contact.lead_score`). */
export type GhlCustomField = z.infer<typeof ghlCustomFieldSchema>;

/** Zod schema for a custom value (location-wide merge value). */
export const ghlCustomValueSchema = z
  .object({ id: z.string(), name: z.string().nullish(), fieldKey: z.string().nullish(), value: z.string().nullish() })
  .loose();

/** A custom value of the location. */
export type GhlCustomValue = z.infer<typeof ghlCustomValueSchema>;

/** Zod schema for a location (sub-account). */
export const ghlLocationSchema = z
  .object({ id: z.string(), name: z.string().nullish(), timezone: z.string().nullish(), companyId: z.string().nullish() })
  .loose();

/** A location (sub-account). */
export type GhlLocation = z.infer<typeof ghlLocationSchema>;

/** Sub-Account API (`Version: 2021-07-28`) for the client's location: details, custom fields and custom values. */
export interface LocationsResource {
  /** `GET /locations/{locationId}`. */
  get(options?: GhlCallOptions): Promise<GhlLocation>;
  /** `GET /locations/{locationId}/customFields` (the field ids the tenant mapping points at). */
  listCustomFields(filter?: { model?: 'contact' | 'opportunity' | 'all' }, options?: GhlCallOptions): Promise<GhlCustomField[]>;
  /** `GET /locations/{locationId}/customValues`. */
  listCustomValues(options?: GhlCallOptions): Promise<GhlCustomValue[]>;
  /** `PUT /locations/{locationId}/customValues/{id}`. */
  updateCustomValue(customValueId: string, value: { name: string; value: string }, options?: GhlCallOptions): Promise<GhlCustomValue>;
}

const locationAnswer = z.object({ location: ghlLocationSchema }).loose();
const customFieldsAnswer = z.object({ customFields: z.array(ghlCustomFieldSchema).default([]) }).loose();
const customValuesAnswer = z.object({ customValues: z.array(ghlCustomValueSchema).default([]) }).loose();
const customValueAnswer = z.object({ customValue: ghlCustomValueSchema }).loose();

/** Builds the locations resource over a request function. @internal */
export function createLocationsResource(request: GhlRequestFunction, locationId: string): LocationsResource {
  return {
    get: async (options) => {
      const schema = locationAnswer;
      return (await request({ method: 'GET', path: '/locations/{locationId}', pathParams: { locationId }, schema, ...callFields(options) })).location;
    },
    listCustomFields: async (filter = {}, options) => {
      const schema = customFieldsAnswer;
      const path = '/locations/{locationId}/customFields';
      return (await request({ method: 'GET', path, pathParams: { locationId }, query: { model: filter.model }, schema, ...callFields(options) })).customFields;
    },
    listCustomValues: async (options) => {
      const schema = customValuesAnswer;
      const path = '/locations/{locationId}/customValues';
      return (await request({ method: 'GET', path, pathParams: { locationId }, schema, ...callFields(options) })).customValues;
    },
    updateCustomValue: async (customValueId, value, options) => {
      const schema = customValueAnswer;
      const path = '/locations/{locationId}/customValues/{id}';
      return (await request({ method: 'PUT', path, pathParams: { locationId, id: customValueId }, body: value, schema, ...callFields(options) })).customValue;
    },
  };
}
