import { contracts } from '../generated/contracts.js';
import type { OpenApiDocument } from '../openapi-types.js';
import { compileContract, responseValidator, type CompiledOperation } from '../validation.js';
import { jsonOf, type Exchange } from './http.js';

/** One operation of the contracts, as the kit reaches and checks it. */
export interface ContractOperation {
  /** The contract (`identity`, `ration-card`…). */
  service: string;
  /** The contract's base path (`/identity/v1`). */
  basePath: string;
  /** The operation as written in the contract, with its compiled validators. */
  op: CompiledOperation;
  /** The raw operation object of the contract (examples, parameters). */
  raw: Record<string, unknown>;
  /** The whole contract, for `$ref`s. */
  doc: OpenApiDocument;
  /** Matches the operation's full path (base path + template). */
  pattern: RegExp;
}

let compiled: ContractOperation[] | undefined;

/** Every operation of every contract the elements rely on. */
export function contractOperations(): ContractOperation[] {
  compiled ??= Object.entries(contracts).flatMap(([service, doc]) => {
    const { basePath, operations } = compileContract(service, doc);
    return operations.map((op) => ({
      service,
      basePath,
      op,
      raw: (doc.paths?.[op.path] as Record<string, Record<string, unknown>>)[op.method]!,
      doc,
      pattern: new RegExp(
        `^${escape(basePath)}${op.path
          .split(/\{[^}]+\}/)
          .map(escape)
          .join('[^/]+')}$`,
      ),
    }));
  });
  return compiled;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The operation a request reached, by method and path (below the base URL). */
export function operationFor(method: string, pathname: string): ContractOperation | undefined {
  const path = pathname.replace(/\/$/, '');
  return contractOperations().find(
    (o) => o.op.method === method.toLowerCase() && o.pattern.test(path),
  );
}

/**
 * What is wrong with an answer, by its operation's contract: an undocumented status, a body that
 * does not match the documented schema, a 5xx. Empty when the answer is what the contract says.
 */
export function contractProblems(operation: ContractOperation, exchange: Exchange): string[] {
  const { op } = operation;
  if (exchange.status === 0) return [`no answer: ${exchange.error ?? 'unknown error'}`];
  const problems: string[] = [];
  if (exchange.status >= 500)
    problems.push(`${exchange.status}: the server failed (a 5xx is never the answer to a request)`);
  const validator = responseValidator(op, exchange.status);
  if (validator === undefined) {
    const documented = Object.keys(op.responses).join(', ');
    problems.push(
      `${exchange.status} is not a documented answer of ${op.operationId} (documented: ${documented})`,
    );
    return problems;
  }
  if (validator && exchange.status !== 204 && exchange.text) {
    const body = jsonOf(exchange);
    if (body === undefined) problems.push(`${exchange.status}: the body is not JSON`);
    else if (!validator(body))
      problems.push(
        `${exchange.status}: the body does not match the contract: ${(validator.errors ?? [])
          .slice(0, 3)
          .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
          .join('; ')}`,
      );
  }
  return problems;
}
