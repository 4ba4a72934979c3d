import type { Citizen } from './citizens.js';
import type { SessionRecord } from '../types.js';

/** A pending sign-in: the code was sent and is awaited. */
export interface ChallengeRecord {
  id: string;
  citizenId: string;
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
  /** Citizen id → when sign-in opens again after too many wrong codes. */
  lockedUntil: Record<string, string>;
  /** Citizen id → times a sign-in was started in the current window (rate limit). */
  signInStarts: Record<string, string[]>;
}

/** No one is signed in at start. */
export function seedIdentity(_citizens: Citizen[]): IdentityState {
  return { challenges: {}, sessions: {}, lockedUntil: {}, signInStarts: {} };
}
