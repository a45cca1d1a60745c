// The OpenAPI 3.1 document, generated from the contract's operations and valibot schemas (nothing written by hand).
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { OPERATIONS } from '../../contract/api/index.ts';
import { codesWithStatus, Problem } from '../../contract/errors.ts';
import type { Answer, Operation } from '../../contract/operation.ts';

export type Json = Record<string, unknown>;

/** Request schemas describe what clients send (before transforms); checks without a JSON form are left out. */
function schemaOf(schema: v.GenericSchema): Json {
  const { $schema: _, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    errorMode: 'ignore',
  }) as Json;
  return rest;
}

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

function problem(status: number): Json {
  const codes = codesWithStatus(status);
  return {
    description: codes.join(', '),
    content: {
      'application/problem+json': {
        schema: { allOf: [PROBLEM_REF, { properties: { code: { enum: codes } } }] },
      },
    },
  };
}

function answer(a: Answer): Json {
  if (a.kind === 'json')
    return { description: a.description, content: { 'application/json': { schema: schemaOf(a.schema) } } };
  return { description: a.description, ...(a.mediaType ? { content: { [a.mediaType]: {} } } : {}) };
}

/** An object schema's properties as OpenAPI parameters of one location. */
function parameters(where: 'path' | 'query', schema: v.GenericSchema | undefined): Json[] {
  if (!schema) return [];
  const json = schemaOf(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function operation(op: Operation): Json {
  const responses: Json = {};
  for (const [status, a] of Object.entries(op.answers)) responses[status] = answer(a);
  for (const status of op.problems) responses[String(status)] = problem(status);
  const headers = (op.headers ?? []).map((h) => ({
    name: h.name,
    in: 'header',
    required: h.required,
    description: h.description,
    schema: schemaOf(h.schema),
  }));
  const body = op.body
    ? { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } }
    : op.bodyMediaType
      ? { content: { [op.bodyMediaType]: {} } }
      : undefined;
  const parameterList = [...parameters('path', op.params), ...parameters('query', op.query), ...headers];
  return {
    tags: [op.tag],
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(op.tag === 'staff' || op.tag === 'operator' ? { security: [{ session: [] }] } : {}),
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

let cached: { serverUrl: string; doc: Json } | undefined;

/** The document for `serverUrl`; built once per process, the contract does not change at run time. */
export function openApiDocument(serverUrl: string): Json {
  if (cached?.serverUrl === serverUrl) return cached.doc;
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  const doc: Json = {
    openapi: '3.1.0',
    info: {
      title: 'Beratungsraum',
      version: '1.0.0',
      description:
        'Video counselling for public agencies. Every error is application/problem+json (RFC 9457) with a stable `code`.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'br_session',
          description:
            'Named __Host-br_session when Secure (everywhere but http://localhost). State-changing requests also send the x-csrf-token header.',
        },
      },
      schemas: { Problem: schemaOf(Problem) },
    },
  };
  cached = { serverUrl, doc };
  return doc;
}
