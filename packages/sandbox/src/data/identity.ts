import type { Citizen } from './citizens.js';
import type { SessionRecord } from '../types.js';

/** A pending sign-in: the code was sent and is awaited. */
export interface ChallengeRecord {
  /** Random: a sign-in's id must not be guessable (it is all `verifySignIn` needs besides the code). */
  id: string;
  /**
   * The citizen's id; for a number no citizen has, a pseudonym (`anon_…`) under which lock-outs and
   * rate limits count as they do for a citizen.
   */
  citizenId: string;
  /** Where the code went, masked (a plausible number for an unknown identity). */
  maskedDestination: string;
  method: 'national-id' | 'phone';
  createdAt: string;
  expiresAt: string;
  resendAvailableAt: string;
  attemptsLeft: number;
  resends: number;
  used: boolean;
}

/** Sign-in state: challenges, sessions, failed attempts and lockouts. */
export interface IdentityState {
  challenges: Record<string, ChallengeRecord>;
  sessions: Record<string, SessionRecord>;
  /** Citizen id (or pseudonym) → when sign-in opens again after too many wrong codes. */
  lockedUntil: Record<string, string>;
  /** Citizen id (or pseudonym) → times a sign-in was started in the current window (rate limit). */
  signInStarts: Record<string, string[]>;
}

/** No one is signed in at start. */
export function seedIdentity(_citizens: Citizen[]): IdentityState {
  return { challenges: {}, sessions: {}, lockedUntil: {}, signInStarts: {} };
}
