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
  /** The fetch to use (default `globalThis.fetch`): inject one in tests or to add transport concerns. */
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
  /** Adds openapi-fetch middleware to every service client. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with {@link EServicesClient.use}. */
  eject(...middleware: Middleware[]): void;
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
  const make = <Paths extends object>(service: string): Client<Paths> =>
    createClient<Paths>({
      baseUrl: `${baseUrl}/${service}/v1`,
      fetch: pipeline.fetch,
      // Requests the pipeline can send as they are (pipeline.ts, `AttemptRequest`).
      Request: pipeline.Request,
    });
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
