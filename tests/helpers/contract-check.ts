// Checks real responses against the generated OpenAPI document: the operation by method and path template,
// the status among its documented ones, the media type, and the body against that status's JSON Schema.

import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../functions/openapi/document.ts';

interface MediaObject {
  schema?: Record<string, unknown>;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Only the API is described; pages, /metrics and /internal are not part of it. */
const DESCRIBED = /^\/(api\/|healthz$|readyz$)/;

export interface Checked {
  /** `METHOD /path/{template} STATUS`, or null for a request outside the described API. */
  key: string | null;
}

export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp; params: number }[] = [];
  /** Every `METHOD template STATUS` a checked response covered. */
  readonly covered = new Set<string>();

  constructor(
    private readonly doc = openApiDocument('http://localhost:8787'),
    private readonly onCovered?: (key: string) => void,
  ) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ components: doc.components } as object, 'doc');
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    for (const [template, ops] of Object.entries(paths)) {
      const source = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
      for (const method of Object.keys(ops).filter((m) => METHODS.includes(m)))
        this.routes.push({
          method,
          template,
          pattern: new RegExp(`^${source}$`),
          params: (template.match(/\{/g) ?? []).length,
        });
    }
  }

  /** The documented operation for a request: a literal segment wins over a parameter (/nodes/recommendation). */
  private route(method: string, path: string) {
    return this.routes
      .filter((r) => r.method === method && r.pattern.test(path))
      .sort((a, b) => a.params - b.params)[0];
  }

  private validator(key: string, schema: Record<string, unknown>): ValidateFunction {
    let fn = this.validators.get(key);
    if (!fn) {
      // Component references (#/components/...) resolve against the document's components.
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
      fn = this.ajv.compile(rebased);
      this.validators.set(key, fn);
    }
    return fn;
  }

  /** Throws when the response is not one the document describes for this request. */
  async check(method: string, url: string, res: Response): Promise<Checked> {
    const path = new URL(url, 'http://localhost').pathname;
    const m = method.toLowerCase();
    if (!DESCRIBED.test(path) || !METHODS.includes(m)) return { key: null };
    const route = this.route(m, path);
    if (!route) {
      // No such operation: only the app's own 404/405 problem may answer.
      if (res.status === 404 || res.status === 405) return { key: null };
      throw new Error(
        `contract: ${method} ${path} answered ${res.status} but is not in the OpenAPI document`,
      );
    }
    const op = (this.doc.paths as Record<string, Record<string, OperationObject>>)[route.template]?.[m];
    const key = `${method.toUpperCase()} ${route.template} ${res.status}`;
    const documented = op?.responses[String(res.status)];
    if (!documented) throw new Error(`contract: ${key} is not a documented status of this operation`);
    const expected = Object.keys(documented.content ?? {});
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (expected.length && !expected.includes(type))
      throw new Error(
        `contract: ${key} answered ${type || 'no content type'}, documented ${expected.join(', ')}`,
      );
    const schema = documented.content?.[type]?.schema;
    if (schema) {
      const body = await res.clone().json();
      const validate = this.validator(`${route.template} ${m} ${res.status} ${type}`, schema);
      if (!validate(body))
        throw new Error(
          `contract: ${key} body does not match the document: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
        );
    }
    if (!this.covered.has(key)) this.onCovered?.(key);
    this.covered.add(key);
    return { key };
  }
}

let shared: ContractChecker | undefined;

/** One checker per test process; with CONTRACT_COVERAGE_DIR set, each newly covered key is appended there. */
export function contractChecker(): ContractChecker {
  if (shared) return shared;
  const dir = process.env.CONTRACT_COVERAGE_DIR;
  shared = new ContractChecker(undefined, dir ? (key) => record(dir, key) : undefined);
  return shared;
}

function record(dir: string, key: string): void {
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.txt`), `${key}\n`);
}
