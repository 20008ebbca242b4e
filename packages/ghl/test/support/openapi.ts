import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGhlCall } from '@enterprisehub/ghl/testing';

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One operation of GHL's OpenAPI descriptions, with the spec it came from (for `$ref`s). */
export interface SpecOperation {
  file: string;
  method: string;
  path: string;
  operation: Operation;
  spec: Spec;
}

const appsDir = join(import.meta.dirname, '..', '..', 'openapi', 'apps');

/** Every v2 operation of the vendored specs, keyed `METHOD /path`. */
export function loadOperations(): Map<string, SpecOperation> {
  const operations = new Map<string, SpecOperation>();
  for (const file of readdirSync(appsDir).filter((name) => name.endsWith('.json'))) {
    const spec = JSON.parse(readFileSync(join(appsDir, file), 'utf8')) as Spec;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (typeof operation === 'object' && 'operationId' in operation) operations.set(`${method.toUpperCase()} ${path}`, { file, method, path, operation, spec });
      }
    }
  }
  return operations;
}

function resolve(spec: Spec, schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref === undefined) return schema;
  if (!schema.$ref.startsWith('#/components/schemas/')) return undefined;
  return resolve(spec, spec.components?.schemas?.[schema.$ref.slice('#/components/schemas/'.length)]);
}

function typeProblem(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'string':
      return typeof value !== 'string';
    case 'number':
    case 'integer':
      return typeof value !== 'number';
    case 'boolean':
      return typeof value !== 'boolean';
    case 'array':
      return !Array.isArray(value);
    default:
      return false; // `object` is used loosely by GHL's generator (e.g. `dateOfBirth`, `subType`); not checked.
  }
}

/** Problems of a value against a schema: missing required fields, undeclared properties, enum and type mismatches. */
export function validateValue(spec: Spec, raw: Schema | undefined, target: { value: unknown; at: string }): string[] {
  const { value, at } = target;
  const schema = resolve(spec, raw);
  if (schema === undefined) return [];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) {
    const results = alternatives.map((alternative) => validateValue(spec, alternative, target));
    return results.some((problems) => problems.length === 0) ? [] : (results[0] ?? []);
  }
  const problems: string[] = [];
  if (schema.enum !== undefined && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeProblem(schema, value)) problems.push(`${at}: expected ${schema.type}`);
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, index) => problems.push(...validateValue(spec, schema.items, { value: item, at: `${at}[${index}]` })));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const field of schema.required ?? []) if (record[field] === undefined) problems.push(`${at}.${field}: required`);
    const properties = schema.properties ?? {};
    for (const [field, item] of Object.entries(record)) {
      if (Object.keys(properties).length > 0 && properties[field] === undefined) problems.push(`${at}.${field}: not declared (GHL answers 422 "should not exist")`);
      else if (properties[field] !== undefined) problems.push(...validateValue(spec, properties[field], { value: item, at: `${at}.${field}` }));
    }
  }
  return problems;
}

function coerceQuery(schema: Schema | undefined, value: string | string[]): unknown {
  if (schema?.type === 'array') return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value;
  if (schema?.type === 'number' || schema?.type === 'integer') return Number.isFinite(Number(value)) ? Number(value) : value;
  if (schema?.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** Problems of one recorded request against its operation: Version, auth, path, query and body. */
export function validateCall(call: FakeGhlCall, target: SpecOperation): string[] {
  const { operation, spec } = target;
  const problems: string[] = [];
  const parameters = operation.parameters ?? [];
  const version = parameters.find((parameter) => parameter.in === 'header' && parameter.name === 'Version');
  if (version === undefined) {
    if (call.headers['version'] !== undefined) problems.push('Version: sent, but the operation declares none');
  } else if (!(version.schema?.enum ?? []).includes(call.headers['version'])) {
    problems.push(`Version: ${call.headers['version'] ?? 'missing'} is not ${JSON.stringify(version.schema?.enum)}`);
  }
  const needsAuth = target.path !== '/oauth/token';
  if (needsAuth !== call.authenticated) problems.push(needsAuth ? 'Authorization: missing' : 'Authorization: sent to the token endpoint');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  for (const parameter of queryParameters) if (parameter.required === true && call.query[parameter.name] === undefined) problems.push(`query.${parameter.name}: required`);
  for (const [name, value] of Object.entries(call.query)) {
    const parameter = queryParameters.find((candidate) => candidate.name === name);
    if (parameter === undefined) problems.push(`query.${name}: not declared`);
    else problems.push(...validateValue(spec, parameter.schema, { value: coerceQuery(parameter.schema, value), at: `query.${name}` }));
  }
  const content = operation.requestBody?.content ?? {};
  if (call.body !== undefined) {
    const contentType = (call.headers['content-type'] ?? '').split(';')[0] ?? '';
    const declared = content[contentType];
    if (declared === undefined) problems.push(`body: content type ${contentType} not declared (${Object.keys(content).join(', ') || 'no body'})`);
    else problems.push(...validateValue(spec, declared.schema, { value: call.body, at: 'body' }));
  } else {
    const declared = Object.values(content)[0]?.schema;
    const required = resolve(spec, declared)?.required ?? [];
    if (required.length > 0) problems.push(`body: missing (requires ${required.join(', ')})`);
  }
  return problems;
}
