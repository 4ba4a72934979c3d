import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { HttpMethod, OpenApiDocument, Operation, Parameter } from './openapi-types.js';
import type { FieldError, Lang } from './types.js';
import { fieldErrorDetail } from './messages.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;

/** One operation of a contract, with validators compiled from its schemas. */
export interface CompiledOperation {
  operationId: string;
  method: HttpMethod;
  /** Path template of the contract, e.g. `/card/distributions`. */
  path: string;
  /** True when the operation needs a signed-in caller. */
  secured: boolean;
  /**
   * True when anyone may call it but a signed-in caller is recognised (security lists `{}` beside
   * a scheme: `getSession`).
   */
  optionalAuth: boolean;
  /** Media type of the request body the contract accepts, if any. */
  bodyType: 'json' | 'multipart' | null;
  bodyRequired: boolean;
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  validateHeaders: ValidateFunction;
  validateBody: ValidateFunction | null;
  /** Response validators by status code (`200`, `4XX`, `default`). */
  responses: Record<string, ValidateFunction | null>;
}

/** A compiled contract: its base path and operations. */
export interface CompiledContract {
  basePath: string;
  operations: CompiledOperation[];
  /**
   * A validator of the schema at a JSON pointer of the contract (`/components/schemas/Problem`),
   * compiled as request bodies and responses are (no coercion).
   */
  schemaValidator(pointer: string): ValidateFunction;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Compiles every operation of a bundled contract into Ajv (JSON Schema 2020-12) validators. The
 * document itself is added to Ajv under `urn:iq-eservices:<name>`, so every `$ref` of the contract
 * resolves exactly as the contract says: nothing is restated by hand.
 */
export function compileContract(name: string, doc: OpenApiDocument): CompiledContract {
  const id = `urn:iq-eservices:${name}`;
  // Parameters arrive as strings: coerce them to their schema types and fill defaults.
  const paramsAjv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: true,
    useDefaults: true,
  });
  const bodyAjv = new Ajv2020({ strict: false, allErrors: true, discriminator: true });
  const schemaDoc = withoutDiscriminatorMappings(doc);
  for (const ajv of [paramsAjv, bodyAjv]) {
    addFormats(ajv);
    ajv.addSchema({ ...schemaDoc, $id: id } as object);
  }
  const ref = (pointer: string) => ({ $ref: `${id}#${pointer}` });

  const resolveParameter = (
    param: Parameter,
    pointer: string,
  ): { param: Parameter; pointer: string } => {
    if (!param.$ref) return { param, pointer };
    const target = param.$ref.replace(/^#/, '');
    const resolved = target
      .split('/')
      .slice(1)
      .reduce<unknown>(
        (node, key) =>
          (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        doc,
      );
    return resolveParameter(resolved as Parameter, target);
  };

  const operations: CompiledOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const opPointer = `/paths/${escapePointer(path)}/${method}`;
      const params = [
        ...(item.parameters ?? []).map((p, i) =>
          resolveParameter(p, `/paths/${escapePointer(path)}/parameters/${i}`),
        ),
        ...(op.parameters ?? []).map((p, i) => resolveParameter(p, `${opPointer}/parameters/${i}`)),
      ];
      const groups: Record<
        'path' | 'query' | 'header',
        { properties: Record<string, unknown>; required: string[] }
      > = {
        path: { properties: {}, required: [] },
        query: { properties: {}, required: [] },
        header: { properties: {}, required: [] },
      };
      for (const { param, pointer } of params) {
        if (param.in === 'cookie') continue;
        const key = param.in === 'header' ? param.name.toLowerCase() : param.name;
        const group = groups[param.in];
        group.properties[key] = param.schema ? ref(`${pointer}/schema`) : {};
        if (param.required || param.in === 'path') group.required.push(key);
      }
      const objectSchema = (g: { properties: Record<string, unknown>; required: string[] }) => ({
        type: 'object',
        properties: g.properties,
        required: g.required,
      });

      let bodyType: CompiledOperation['bodyType'] = null;
      let validateBody: ValidateFunction | null = null;
      const content = op.requestBody?.content ?? {};
      if (content['application/json']) {
        bodyType = 'json';
        validateBody = bodyAjv.compile(
          ref(`${opPointer}/requestBody/content/application~1json/schema`),
        );
      } else if (content['multipart/form-data']) {
        bodyType = 'multipart';
        validateBody = bodyAjv.compile(
          ref(`${opPointer}/requestBody/content/multipart~1form-data/schema`),
        );
      }

      const security = op.security ?? doc.security ?? [];
      operations.push({
        operationId: op.operationId,
        method,
        path,
        secured: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
        optionalAuth:
          security.some((s) => Object.keys(s).length === 0) &&
          security.some((s) => Object.keys(s).length > 0),
        bodyType,
        bodyRequired: Boolean(op.requestBody?.required),
        validatePath: paramsAjv.compile(objectSchema(groups.path)),
        validateQuery: paramsAjv.compile(objectSchema(groups.query)),
        validateHeaders: paramsAjv.compile(objectSchema(groups.header)),
        validateBody,
        responses: Object.fromEntries(
          Object.entries(op.responses).map(([status, response]) => {
            const resolved = resolveResponse(doc, response, `${opPointer}/responses/${status}`);
            const media = resolved.content?.['application/json']
              ? 'application~1json'
              : resolved.content?.['application/problem+json']
                ? 'application~1problem+json'
                : null;
            return [
              status,
              media ? bodyAjv.compile(ref(`${resolved.pointer}/content/${media}/schema`)) : null,
            ];
          }),
        ),
      });
    }
  }
  const basePath = (doc.servers?.[0]?.url ?? '').replace(/\/$/, '');
  return { basePath, operations, schemaValidator: (pointer) => bodyAjv.compile(ref(pointer)) };
}

/**
 * Ajv's `discriminator` keyword selects the `oneOf` branch by the property's `const` (so errors
 * name the one branch that applies) but refuses `mapping`, which the contracts state for code
 * generators. The mapping repeats the consts, so dropping it for validation loses nothing.
 *
 * Ajv's discriminator also checks objects only and then skips the `oneOf` it replaces, so `null`,
 * `[]`, `1` or `"x"` would pass a discriminated schema and reach the handler. A discriminator
 * describes objects (OpenAPI 3.1, 4.8.25), so a discriminated schema without a `type` gets
 * `type: object`: any other JSON value is a field error, as every branch of the `oneOf` says.
 */
function withoutDiscriminatorMappings<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutDiscriminatorMappings) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  let discriminated = false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' && value && typeof value === 'object' && 'propertyName' in value) {
      const { mapping: _mapping, ...rest } = value as Record<string, unknown>;
      out[key] = rest;
      discriminated = true;
    } else {
      out[key] = withoutDiscriminatorMappings(value);
    }
  }
  if (discriminated && !('type' in out)) out['type'] = 'object';
  return out as T;
}

function resolveResponse(
  doc: OpenApiDocument,
  response: unknown,
  pointer?: string,
): { content?: Record<string, unknown>; pointer?: string } {
  const r = response as { $ref?: string; content?: Record<string, unknown> };
  if (r.$ref) {
    const target = r.$ref.replace(/^#/, '');
    const node = target
      .split('/')
      .slice(1)
      .reduce<unknown>(
        (n, key) => (n as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        doc,
      );
    return resolveResponse(doc, node, target);
  }
  return { content: r.content, pointer };
}

/** Picks the response validator for a status: exact code, then `4XX`, then `default`. */
export function responseValidator(
  op: CompiledOperation,
  status: number,
): ValidateFunction | null | undefined {
  const exact = op.responses[String(status)];
  if (exact !== undefined) return exact;
  const range = op.responses[`${String(status)[0]}XX`];
  if (range !== undefined) return range;
  return op.responses['default'];
}

/** Turns Ajv errors into localized field errors with JSON pointers rooted at `root`. */
export function toFieldErrors(
  errors: ErrorObject[] | null | undefined,
  root: '/body' | '/query' | '/path' | '/header',
  data: unknown,
  lang: Lang,
): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    let pointer = `${root}${error.instancePath}`;
    let code = error.keyword;
    if (error.keyword === 'required') {
      pointer += `/${escapePointer(String((error.params as { missingProperty: string }).missingProperty))}`;
    } else if (error.keyword === 'additionalProperties') {
      pointer += `/${escapePointer(String((error.params as { additionalProperty: string }).additionalProperty))}`;
    } else if (error.keyword === 'pattern') {
      const value = valueAt(data, error.instancePath);
      if (typeof value === 'string' && BIDI.test(value)) code = 'bidi';
    }
    const key = `${pointer}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, code, detail: fieldErrorDetail(code, lang) });
  }
  return out;
}

function valueAt(data: unknown, instancePath: string): unknown {
  if (!instancePath) return data;
  return instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) =>
        node == null
          ? undefined
          : (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      data,
    );
}
