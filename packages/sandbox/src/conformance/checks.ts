import { Client, type Exchange } from './http.js';
import { contractProblems, operationFor } from './contract.js';

/** The outcome of one check. */
export interface CheckResult {
  /** `scenario` (a flow the elements rely on), `generated` (requests made from the schemas) or `security`. */
  suite: 'scenario' | 'generated' | 'security';
  name: string;
  passed: boolean;
  /** What went wrong, one sentence each. */
  failures: string[];
  /** The exchanges behind the failures (for their `curl` reproductions). */
  evidence: Exchange[];
  /** Requests sent. */
  requests: number;
  durationMs: number;
}

/** Who the kit signs in as, and what it may use on the back end under test. */
export interface Identity {
  /** A test citizen's national card number on the back end under test. */
  nationalId: string;
  /** The one-time code that back end accepts for that citizen (a staging back end's fixed code). */
  otp: string;
  /** A return URL of an origin the back end allows (payments). */
  returnUrl: string;
}

/**
 * What a check works with: a client of the back end that holds every answer to the contracts as it
 * arrives (any answer that does not match is a failure of the check), and `expect()` for what
 * the flow itself requires.
 */
export class CheckContext {
  readonly failures: string[] = [];
  readonly evidence: Exchange[] = [];
  readonly clients: Client[] = [];

  constructor(
    readonly baseUrl: string,
    readonly identity: Identity,
    private readonly session?: Client,
  ) {}

  /**
   * A client holding the run's session (signed in once for the whole run: a back end limits how
   * often one citizen may start signing in), its answers held to the contracts; null when the
   * run could not sign in (a failure of this check).
   */
  signedIn(): Client | null {
    if (!this.session?.cookies.size && !this.session?.bearer) {
      this.fail('the run could not sign in with the given identity (see the sign-in scenario)');
      return null;
    }
    return this.client().adopt(this.session);
  }

  /** A new client (a browser with no session yet) whose answers are held to the contracts. */
  client(): Client {
    const client = new Client(this.baseUrl);
    client.onExchange = (exchange) => {
      const url = new URL(exchange.url);
      const base = new URL(this.baseUrl.replace(/\/?$/, '/')).pathname.replace(/\/$/, '');
      const operation = operationFor(exchange.method, url.pathname.slice(base.length));
      if (!operation) return;
      for (const problem of contractProblems(operation, exchange))
        this.fail(`${exchange.method} ${short(url.pathname)}: ${problem}`, exchange);
    };
    this.clients.push(client);
    return client;
  }

  /** Records a failure (with the exchange that shows it). */
  fail(message: string, exchange?: Exchange): void {
    this.failures.push(message);
    if (exchange && !this.evidence.includes(exchange)) this.evidence.push(exchange);
  }

  /** Records a failure unless `condition` holds; returns `condition`. */
  expect(condition: boolean, message: string, exchange?: Exchange): boolean {
    if (!condition) this.fail(message, exchange);
    return condition;
  }

  /** Expects one of `statuses`; returns whether it was. */
  expectStatus(exchange: Exchange, statuses: number | number[], what: string): boolean {
    const allowed = ([] as number[]).concat(statuses);
    return this.expect(
      allowed.includes(exchange.status),
      `${what}: expected ${allowed.join(' or ')}, got ${exchange.status || exchange.error}`,
      exchange,
    );
  }

  /** Every exchange of every client of this check. */
  get exchanges(): Exchange[] {
    return this.clients.flatMap((c) => c.exchanges);
  }
}

/** A named check. */
export interface Check {
  suite: CheckResult['suite'];
  name: string;
  run(context: CheckContext): Promise<void>;
}

/** Runs a check in a context of its own; a thrown error is a failure of the check, not of the run. */
export async function runCheck(
  check: Check,
  baseUrl: string,
  identity: Identity,
  session?: Client,
): Promise<{ result: CheckResult; context: CheckContext }> {
  const context = new CheckContext(baseUrl, identity, session);
  const started = Date.now();
  try {
    await check.run(context);
  } catch (error) {
    context.fail(`the check stopped: ${(error as Error).message}`, context.exchanges.at(-1));
  }
  return {
    context,
    result: {
      suite: check.suite,
      name: check.name,
      passed: context.failures.length === 0,
      failures: context.failures,
      evidence: context.evidence,
      requests: context.exchanges.length,
      durationMs: Date.now() - started,
    },
  };
}

/** A path as a message shows it: a hostile 10 000-character value is cut. */
export const short = (text: string): string =>
  text.length > 120 ? `${text.slice(0, 100)}… (${text.length} characters)` : text;
