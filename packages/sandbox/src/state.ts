import { seedEducation, type EducationState } from './services/education.js';
import { seedCitizens, type Citizen } from './data/citizens.js';
import { seedIdentity, type IdentityState } from './data/identity.js';
import { seedRationCard, type RationCardState } from './data/ration-card.js';
import { seedSocialProtection, type SocialProtectionState } from './data/social-protection.js';
import { seedPayments, type PaymentsState } from './data/payments.js';

/** A stored response of an idempotent operation. */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
  contentType: string;
  /** True while the first request with this key is still being handled. */
  inProgress: boolean;
}

/**
 * Everything the sandbox remembers. Plain JSON (no Map, no Date) so that it can be written to the
 * optional data file and read back on the next start.
 */
export interface SandboxState {
  version: 1;
  citizens: Citizen[];
  counters: Record<string, number>;
  idempotency: Record<string, IdempotencyRecord>;
  identity: IdentityState;
  rationCard: RationCardState;
  socialProtection: SocialProtectionState;
  payments: PaymentsState;
  /** Remote learning (absent from data files written before it: seeded on first use). */
  education?: EducationState;
}

/** The seeded state: deterministic, the same on every start. */
export function seedState(): SandboxState {
  const citizens = seedCitizens();
  return {
    version: 1,
    citizens,
    counters: {},
    idempotency: {},
    identity: seedIdentity(citizens),
    rationCard: seedRationCard(citizens),
    socialProtection: seedSocialProtection(citizens),
    payments: seedPayments(citizens),
    education: seedEducation(),
  };
}
