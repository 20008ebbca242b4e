import { z } from 'zod';

/** A JSON-serialisable value: what ports may persist in payload, data and attribute fields. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Zod schema for {@link JsonValue}; rejects functions, symbols, `undefined` and non-finite numbers. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.json();

/** A JSON object: string keys to {@link JsonValue}s. */
export type JsonObject = { [key: string]: JsonValue };

/** Zod schema for {@link JsonObject}. */
export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), jsonValueSchema);
