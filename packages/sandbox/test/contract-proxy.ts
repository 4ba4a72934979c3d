/**
 * A contract-validating HTTP proxy for tests: it stands where a ministry's gateway would, in front
 * of a server, and holds every request and response to the contracts as written.
 *
 * - A request to an operation must satisfy one of the operation's security requirements (the
 *   cookie, header or bearer token each scheme names is present); otherwise the proxy answers 401
 *   itself, as a contract-true gateway would, and records a violation.
 * - A JSON request body must match the operation's schema.
 * - Every response's status must be documented for the operation and its body must match the
 *   documented schema.
 *
 * Requests outside the contracts (hosted gateway pages) pass through unchecked.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { contracts } from '../src/generated/contracts.js';
import type { OpenApiDocument } from '../src/openapi-types.js';
import { compileContract, responseValidator, type CompiledOperation } from '../src/validation.js';

/** One security scheme, as the proxy checks it. */
type Scheme =
  | { type: 'apiKey'; in: 'cookie' | 'header' | 'query'; name: string }
  | { type: 'http'; scheme: string };

interface Route {
  pattern: RegExp;
  method: string;
  op: CompiledOperation;
  /** Alternatives: any one satisfied is enough; an empty one means no authentication. */
  security: Record<string, Scheme>[];
}

/** A running proxy. */
export interface ContractProxy {
  url: string;
  /** What did not match the contracts, one line each (tests assert it stays empty). */
  violations: string[];
  /** Every operation that went through, in order (`operationId status`). */
  seen: string[];
  close(): Promise<void>;
}

function resolve<T>(doc: OpenApiDocument, node: unknown): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (n, key) => (n as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
  return resolve<T>(doc, target);
}

function routes(): Route[] {
  return Object.entries(contracts).flatMap(([name, doc]) => {
    const compiled = compileContract(name, doc);
    const schemes = doc.components?.['securitySchemes'] ?? {};
    return compiled.operations.map((op) => {
      const raw = doc.paths?.[op.path]?.[op.method] as { security?: Record<string, string[]>[] };
      const requirements = raw.security ?? doc.security ?? [];
      return {
        pattern: new RegExp(
          `^${compiled.basePath}${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`.replace(/\./g, '\\.'),
        ),
        method: op.method.toUpperCase(),
        op,
        security: requirements.map((requirement) =>
          Object.fromEntries(
            Object.keys(requirement).map((key) => [key, resolve<Scheme>(doc, schemes[key])]),
          ),
        ),
      };
    });
  });
}

function cookies(header: string | undefined): Set<string> {
  return new Set(
    (header ?? '')
      .split(';')
      .map((part) => part.split('=')[0]!.trim())
      .filter(Boolean),
  );
}

/** True when the request carries what `scheme` names. */
function present(scheme: Scheme, request: IncomingMessage, url: URL): boolean {
  if (scheme.type === 'http')
    return (request.headers.authorization ?? '').toLowerCase().startsWith(`${scheme.scheme} `);
  if (scheme.in === 'cookie') return cookies(request.headers.cookie).has(scheme.name);
  if (scheme.in === 'header') return Boolean(request.headers[scheme.name.toLowerCase()]);
  return url.searchParams.has(scheme.name);
}

function read(request: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks)));
    request.on('error', fail);
  });
}

/** Starts a proxy in front of `target` (e.g. a sandbox server's URL). */
export async function startContractProxy(target: string): Promise<ContractProxy> {
  const table = routes();
  const violations: string[] = [];
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://proxy');
      const method = request.method ?? 'GET';
      const route = table.find((r) => r.method === method && r.pattern.test(url.pathname));
      const body = await read(request);
      if (route) {
        const { op } = route;
        const satisfied =
          route.security.length === 0 ||
          route.security.some((alternative) =>
            Object.values(alternative).every((scheme) => present(scheme, request, url)),
          );
        if (!satisfied) {
          violations.push(
            `${op.operationId}: the request satisfies none of its security requirements`,
          );
          seen.push(`${op.operationId} 401 (proxy)`);
          response.writeHead(401, { 'Content-Type': 'application/problem+json' });
          response.end(
            JSON.stringify({
              type: 'https://eservices.gov.iq/problems/auth-required',
              title: 'Unauthorized (contract proxy)',
              status: 401,
              code: 'auth.required',
              requestId: 'req_contract_proxy',
            }),
          );
          return;
        }
        if (op.bodyType === 'json' && op.validateBody && body.length > 0) {
          if (!op.validateBody(JSON.parse(body.toString('utf8')))) {
            violations.push(
              `${op.operationId}: request body ${JSON.stringify(op.validateBody.errors)}`,
            );
          }
        }
      }

      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined || ['host', 'connection', 'content-length'].includes(name))
          continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const answer = await fetch(new URL(url.pathname + url.search, target), {
        method,
        headers,
        body: body.length > 0 ? new Uint8Array(body) : undefined,
        redirect: 'manual',
      });
      const text = Buffer.from(await answer.arrayBuffer());

      if (route) {
        const { op } = route;
        seen.push(`${op.operationId} ${answer.status}`);
        const validator = responseValidator(op, answer.status);
        if (validator === undefined) {
          violations.push(`${op.operationId}: status ${answer.status} is not documented`);
        } else if (validator) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text.toString('utf8'));
          } catch {
            violations.push(`${op.operationId} ${answer.status}: the body is not JSON`);
          }
          if (parsed !== undefined && !validator(parsed)) {
            violations.push(
              `${op.operationId} ${answer.status}: ${JSON.stringify(validator.errors)}`,
            );
          }
        }
      }

      const out: Record<string, string | string[]> = {};
      answer.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && name !== 'content-encoding' && name !== 'transfer-encoding')
          out[name] = value;
      });
      const setCookies = answer.headers.getSetCookie();
      if (setCookies.length) out['set-cookie'] = setCookies;
      out['content-length'] = String(text.length);
      response.writeHead(answer.status, out);
      response.end(text);
    })().catch((error: unknown) => {
      violations.push(`proxy failure: ${String(error)}`);
      response.writeHead(502).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    violations,
    seen,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
