/**
 * The conformance kit: holds a back end to the contracts the elements rely on. See
 * `docs/sandbox.md` ("Is your back end conformant?").
 *
 * @packageDocumentation
 * @module @iq-eservices/sandbox/conformance
 */
import { CheckContext, runCheck, type Check, type CheckResult, type Identity } from './checks.js';
import { generatedChecks } from './generated.js';
import type { ConformanceReport } from './report.js';
import { scenarios, signIn } from './scenarios.js';
import { leakFailures, redactor, secretsOf, securityChecks } from './security.js';

export type { CheckResult, Identity } from './checks.js';
export type { ConformanceReport } from './report.js';
export { toJUnit, toJson, toTable } from './report.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions extends Identity {
  /** The back end's base URL (the host the contracts' `/identity/v1`… paths are below). */
  baseUrl: string;
  /** Seed of the generated requests: the same seed sends the same requests. Default 1. */
  seed?: number;
  /** Generated requests per operation. Default 50. */
  maxExamples?: number;
  /** Only these operations' generated checks (all when empty). */
  operations?: readonly string[];
  /** Skip the generated requests (scenarios and security only). */
  skipGenerated?: boolean;
  /** Called after each check. */
  onResult?: (result: CheckResult) => void;
}

/** A finished run: the report, and a function that hides every secret of the run in a text. */
export interface ConformanceRun {
  report: ConformanceReport;
  redact: (text: string) => string;
}

/**
 * Runs the scenarios, the security checks and the generated requests against a back end, one
 * after another (a back end's rate limits count them), then looks for secrets in URLs and error
 * bodies over everything that was exchanged.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceRun> {
  const seed = options.seed ?? 1;
  const maxExamples = options.maxExamples ?? 50;
  const identity: Identity = {
    nationalId: options.nationalId,
    otp: options.otp,
    returnUrl: options.returnUrl,
  };
  const checks: Check[] = [
    ...scenarios,
    ...securityChecks,
    ...(options.skipGenerated
      ? []
      : generatedChecks({ seed, maxExamples, operations: options.operations ?? [] })),
  ];
  const started = Date.now();
  const results: CheckResult[] = [];
  const contexts: CheckContext[] = [];
  // One session for the whole run (scenario one signs in and out on its own).
  const opening = new CheckContext(options.baseUrl, identity);
  const session = opening.client();
  await signIn(opening, session);
  contexts.push(opening);
  if (opening.failures.length) {
    const failed: CheckResult = {
      suite: 'scenario',
      name: 'sign in once for the run',
      passed: false,
      failures: opening.failures,
      evidence: opening.evidence,
      requests: opening.exchanges.length,
      durationMs: 0,
    };
    results.push(failed);
    options.onResult?.(failed);
  }
  for (const check of checks) {
    const { result, context } = await runCheck(check, options.baseUrl, identity, session);
    results.push(result);
    contexts.push(context);
    options.onResult?.(result);
  }
  const secrets = secretsOf(contexts, identity);
  const leaks = leakFailures(
    contexts.flatMap((c) => c.exchanges),
    secrets,
  );
  const leakResult: CheckResult = {
    suite: 'security',
    name: 'No national number, code or token in a URL or an error body',
    passed: leaks.length === 0,
    failures: leaks.map((l) => l.message),
    evidence: [...new Set(leaks.map((l) => l.exchange))],
    requests: 0,
    durationMs: 0,
  };
  results.push(leakResult);
  options.onResult?.(leakResult);
  return {
    redact: redactor(secrets),
    report: {
      baseUrl: options.baseUrl,
      seed,
      maxExamples,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      passed: results.every((r) => r.passed),
      results,
    },
  };
}
