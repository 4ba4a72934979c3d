import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as IdentityPaths } from './generated/identity.js';
import type { paths as PaymentsPaths } from './generated/payments.js';
import type { paths as RationCardPaths } from './generated/ration-card.js';
import type { paths as SocialProtectionPaths } from './generated/social-protection.js';
import type { paths as RequestsPaths } from './generated/requests.js';
import type { paths as EducationPaths } from './generated/education.js';
import {
  createPipeline,
  type AttemptInfo,
  type AttemptOutcome,
  type AuthOptions,
  type Locale,
  type PipelineOptions,
  type RetryOptions,
  type SessionControls,
} from './pipeline.js';

/**
 * A service's paths with the `Idempotency-Key` header made optional: the contracts require it, and
 * the client adds one when the caller does not (see the README for which operations).
 */
export type WithOptionalIdempotencyKey<Paths> = {
  [Path in keyof Paths]: {
    [Method in keyof Paths[Path]]: Paths[Path][Method] extends {
      parameters: { header: { 'Idempotency-Key': string } };
    }
      ? Omit<Paths[Path][Method], 'parameters'> & {
          parameters: Omit<Paths[Path][Method]['parameters'], 'header'> & {
            header?: Omit<Paths[Path][Method]['parameters']['header'], 'Idempotency-Key'> & {
              'Idempotency-Key'?: string;
            };
          };
        }
      : Paths[Path][Method];
  };
};

/** Options of {@link createEServicesClient}. */
export interface EServicesClientOptions {
  /** Where the services are mounted, e.g. `https://eservices.example.gov.iq/api`; each service is at `/<service>/v1` below it. */
  baseUrl: string;
  /**
   * The fetch to use (default `globalThis.fetch`): inject one in tests or to add transport
   * concerns. It is given one request per attempt, whose signal ends the attempt (its timeout,
   * the caller's abort): pass the request on as it is, or its signal with it.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** The language of server texts (`Accept-Language`), or a function read on every call. */
  locale?: Locale | (() => Locale);
  /** Cookie (default) or bearer authentication. */
  auth?: AuthOptions;
  /** Time allowed for each attempt to receive response headers. Default 15000 ms. */
  timeoutMs?: number;
  /** Retry policy of idempotent calls, or false to never retry. */
  retry?: RetryOptions | false;
  /** Called before each attempt (for the host's logging; no body or header is given). */
  onRequest?: (info: AttemptInfo) => void;
  /** Called after each attempt, with its status (0 when no response arrived). */
  onResponse?: (outcome: AttemptOutcome) => void;
}

/** One typed client per e-service, sharing one fetch pipeline and one session. */
export interface EServicesClient {
  /** Sign-in and session (`/identity/v1`). */
  identity: Client<WithOptionalIdempotencyKey<IdentityPaths>>;
  /** The household ration card (`/ration-card/v1`). */
  rationCard: Client<WithOptionalIdempotencyKey<RationCardPaths>>;
  /** Mazalati, the social protection network (`/social-protection/v1`). */
  socialProtection: Client<WithOptionalIdempotencyKey<SocialProtectionPaths>>;
  /** Fees and bills (`/payments/v1`). */
  payments: Client<WithOptionalIdempotencyKey<PaymentsPaths>>;
  /** The citizen's submitted requests across the services, by status or reference (`/requests/v1`). */
  requests: Client<WithOptionalIdempotencyKey<RequestsPaths>>;
  /** Remote learning: the student, courses, lectures, materials (`/education/v1`). */
  education: Client<WithOptionalIdempotencyKey<EducationPaths>>;
  /** The sign-in state the client holds. */
  session: SessionControls;
  /**
   * Adds openapi-fetch middleware to every service client. Middleware is given each call as a
   * `Request`, which it may read, change, copy or replace (without middleware, a call is made into
   * a request only by the fetch that sends it).
   */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with {@link EServicesClient.use}. */
  eject(...middleware: Middleware[]): void;
}

/** The methods of an openapi-fetch client that make a call. */
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'request'];

/** What of a call's options decides how it is made. */
interface CallInit {
  middleware?: unknown[];
  Request?: unknown;
}

/**
 * Creates the client of the four e-services.
 *
 * @example
 * const client = createEServicesClient({ baseUrl: 'https://eservices.example.gov.iq/api', locale: 'ar' });
 * const card = unwrap(await client.rationCard.GET('/card'));
 */
export function createEServicesClient(options: EServicesClientOptions): EServicesClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Test seams (random, sleep, clock) travel in the same object without being part of the public type.
  const pipeline = createPipeline({ ...(options as PipelineOptions), baseUrl });
  // A call with middleware of its own (openapi-fetch's `middleware` option) is made as a request.
  const asRequest = pipeline.requestClass(() => true);
  const make = <Paths extends object>(service: string): Client<Paths> => {
    // The middleware registered on this client, as openapi-fetch keeps it (`use` may add one
    // twice, `eject` removes one of them): while there is any, calls are made as requests.
    const registered: Middleware[] = [];
    const client = createClient<Paths>({
      baseUrl: `${baseUrl}/${service}/v1`,
      fetch: pipeline.fetch,
      Request: pipeline.requestClass(() => registered.length > 0),
    });
    const { use, eject } = client;
    client.use = (...middleware) => {
      // One at a time: what openapi-fetch refuses (and all after it) is not counted either.
      for (const m of middleware) {
        use(m);
        if (m) registered.push(m);
      }
    };
    client.eject = (...middleware) => {
      eject(...middleware);
      for (const m of middleware) {
        const i = registered.indexOf(m);
        if (i !== -1) registered.splice(i, 1);
      }
    };
    const methods = client as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of METHODS) {
      const call = methods[name] as (...args: unknown[]) => unknown;
      // The call's options come last (`GET(url, init)`, `request(method, url, init)`).
      methods[name] = (...args) => {
        const init = args[args.length - 1] as CallInit | undefined;
        if (init?.middleware?.length && !init.Request) {
          args[args.length - 1] = { ...init, Request: asRequest };
        }
        return call(...args);
      };
    }
    return client;
  };
  const services = {
    identity: make<WithOptionalIdempotencyKey<IdentityPaths>>('identity'),
    rationCard: make<WithOptionalIdempotencyKey<RationCardPaths>>('ration-card'),
    socialProtection: make<WithOptionalIdempotencyKey<SocialProtectionPaths>>('social-protection'),
    payments: make<WithOptionalIdempotencyKey<PaymentsPaths>>('payments'),
    requests: make<WithOptionalIdempotencyKey<RequestsPaths>>('requests'),
    education: make<WithOptionalIdempotencyKey<EducationPaths>>('education'),
  };
  const each =
    (method: 'use' | 'eject') =>
    (...middleware: Middleware[]): void => {
      for (const client of Object.values(services)) client[method](...middleware);
    };
  return { ...services, session: pipeline.session, use: each('use'), eject: each('eject') };
}
