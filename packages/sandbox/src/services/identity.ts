import { SANDBOX_OTP, maskNationalId, maskPhone, type Citizen } from '../data/citizens.js';
import type { ChallengeRecord } from '../data/identity.js';
import type { OperationContext, ServiceModule, SessionRecord } from '../types.js';
import { processMac, randomId } from '../secrets.js';

/** How the sandbox's sign-in behaves; the numbers a real ministry service would configure. */
export const IDENTITY_POLICY = {
  codeLength: SANDBOX_OTP.length,
  codeTtlSeconds: 300,
  resendAfterSeconds: 60,
  attempts: 3,
  lockSeconds: 900,
  startsPerWindow: 5,
  startWindowSeconds: 900,
  idleTimeoutSeconds: 900,
  maxSessionSeconds: 8 * 3600,
  accessTokenSeconds: 300,
};

const at = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000).toISOString();
const secondsUntil = (iso: string, now: Date) =>
  Math.max(0, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));

/** Session ids and tokens: 128 random bits each. */
const token = randomId;

// Each citizen's opaque id (`User.id`): random, made the first time it is asked for and the same
// for the life of the process, so that a tab can tell one citizen from another without anything
// derived from their numbers. A real service stores one per citizen for good.
const userIds = new Map<string, string>();
const userId = (citizen: Citizen) => {
  let id = userIds.get(citizen.id);
  if (!id) userIds.set(citizen.id, (id = token('usr')));
  return id;
};

function challengeBody(challenge: ChallengeRecord, now: Date) {
  return {
    challengeId: challenge.id,
    channel: 'sms',
    maskedDestination: challenge.maskedDestination,
    codeLength: IDENTITY_POLICY.codeLength,
    expiresAt: challenge.expiresAt,
    resendAvailableAt: challenge.resendAvailableAt,
    resendAfterSeconds: secondsUntil(challenge.resendAvailableAt, now),
    attemptsLeft: challenge.attemptsLeft,
  };
}

function sessionBody(session: SessionRecord) {
  return {
    mode: session.mode,
    expiresAt: session.expiresAt,
    maxExpiresAt: session.maxExpiresAt,
    idleTimeoutSeconds: IDENTITY_POLICY.idleTimeoutSeconds,
    ...(session.mode === 'bearer'
      ? {
          tokenType: 'Bearer',
          accessToken: session.accessToken,
          accessTokenExpiresAt: session.accessExpiresAt,
          refreshToken: session.refreshToken,
        }
      : {}),
  };
}

function lockedProblem(ctx: OperationContext, citizenId: string): Response | null {
  const until = ctx.state.identity.lockedUntil[citizenId];
  if (until && Date.parse(until) > ctx.now.getTime()) {
    return ctx.problem(423, 'identity.locked', { lockedUntil: until });
  }
  return null;
}

/**
 * Who a sign-in is for when no citizen has the number: a pseudonym (`anon_…`) keyed by the number
 * with the process secret, so that lock-outs and rate limits apply to it exactly as to a citizen,
 * and a mobile number that looks like one on record (the number itself when signing in by
 * mobile). The answer is then the same as for a known number; the code simply never arrives.
 */
async function stranger(
  body: { method: 'national-id'; nationalId: string } | { method: 'phone'; phone: string },
): Promise<{ subject: string; phone: string }> {
  const value = body.method === 'national-id' ? body.nationalId : body.phone;
  const mac = await processMac(`identity:${body.method}:${value}`);
  if (body.method === 'phone') return { subject: `anon_${mac.slice(0, 24)}`, phone: body.phone };
  // An operator prefix (75, 77, 78, 79) and eight digits, all from the MAC: stable per number.
  const digits = [...mac.slice(24, 40)].map((h) => String(parseInt(h, 16) % 10)).join('');
  const operator = '5789'[parseInt(mac[0] ?? '0', 16) % 4];
  return { subject: `anon_${mac.slice(0, 24)}`, phone: `+9647${operator}${digits.slice(0, 8)}` };
}

function pendingChallenge(ctx: OperationContext): ChallengeRecord | null {
  const challenge = ctx.state.identity.challenges[ctx.path['challengeId'] ?? ''];
  return challenge && !challenge.used ? challenge : null;
}

/** Sign-in with a one-time code, sessions in cookie or bearer mode. */
export const identityService: ServiceModule = {
  name: 'identity',
  handlers: {
    startSignIn: async (ctx) => {
      const body = ctx.body as
        { method: 'national-id'; nationalId: string } | { method: 'phone'; phone: string };
      const citizen = ctx.state.citizens.find((c) =>
        body.method === 'national-id' ? c.nationalId === body.nationalId : c.phone === body.phone,
      );
      // No "unknown number" answer: that would tell anyone which national numbers exist.
      const { subject, phone } = citizen
        ? { subject: citizen.id, phone: citizen.phone }
        : await stranger(body);
      const locked = lockedProblem(ctx, subject);
      if (locked) return locked;

      const windowStart = ctx.now.getTime() - IDENTITY_POLICY.startWindowSeconds * 1000;
      const starts = (ctx.state.identity.signInStarts[subject] ?? []).filter(
        (t) => Date.parse(t) > windowStart,
      );
      if (starts.length >= IDENTITY_POLICY.startsPerWindow) {
        const retryAfter = secondsUntil(
          at(new Date(Date.parse(starts[0]!)), IDENTITY_POLICY.startWindowSeconds),
          ctx.now,
        );
        return ctx.problem(429, 'rate-limited', {
          retryAfterSeconds: retryAfter,
          headers: { 'Retry-After': String(retryAfter) },
        });
      }
      starts.push(ctx.now.toISOString());
      ctx.state.identity.signInStarts[subject] = starts;

      const challenge: ChallengeRecord = {
        id: randomId('chl'),
        citizenId: subject,
        maskedDestination: maskPhone(phone),
        method: body.method,
        createdAt: ctx.now.toISOString(),
        expiresAt: at(ctx.now, IDENTITY_POLICY.codeTtlSeconds),
        resendAvailableAt: at(ctx.now, IDENTITY_POLICY.resendAfterSeconds),
        attemptsLeft: IDENTITY_POLICY.attempts,
        resends: 0,
        used: false,
      };
      ctx.state.identity.challenges[challenge.id] = challenge;
      return ctx.json(201, challengeBody(challenge, ctx.now));
    },

    verifySignIn: (ctx) => {
      const challenge = pendingChallenge(ctx);
      if (!challenge) return ctx.problem(404, 'challenge.not-found');
      const locked = lockedProblem(ctx, challenge.citizenId);
      if (locked) return locked;
      if (Date.parse(challenge.expiresAt) <= ctx.now.getTime())
        return ctx.problem(410, 'otp.expired');
      const { code, mode = 'cookie' } = ctx.body as { code: string; mode?: 'cookie' | 'bearer' };
      // For a number no citizen has, no code was sent: every code is wrong.
      const known = ctx.state.citizens.some((c) => c.id === challenge.citizenId);
      if (code !== SANDBOX_OTP || !known) {
        challenge.attemptsLeft -= 1;
        if (challenge.attemptsLeft <= 0) {
          challenge.used = true;
          const until = at(ctx.now, IDENTITY_POLICY.lockSeconds);
          ctx.state.identity.lockedUntil[challenge.citizenId] = until;
          return ctx.problem(423, 'identity.locked', { lockedUntil: until });
        }
        return ctx.problem(422, 'otp.invalid', { attemptsLeft: challenge.attemptsLeft });
      }
      challenge.used = true;
      delete ctx.state.identity.lockedUntil[challenge.citizenId];
      const session: SessionRecord = {
        id: token('ses'),
        citizenId: challenge.citizenId,
        mode,
        csrfToken: mode === 'cookie' ? token('csrf') : null,
        accessToken: mode === 'bearer' ? token('at') : null,
        accessExpiresAt: mode === 'bearer' ? at(ctx.now, IDENTITY_POLICY.accessTokenSeconds) : null,
        refreshToken: mode === 'bearer' ? token('rt') : null,
        createdAt: ctx.now.toISOString(),
        maxExpiresAt: at(ctx.now, IDENTITY_POLICY.maxSessionSeconds),
        expiresAt: at(ctx.now, IDENTITY_POLICY.idleTimeoutSeconds),
      };
      ctx.state.identity.sessions[session.id] = session;
      if (mode === 'cookie') {
        ctx.setCookie('iq_session', session.id, {
          maxAgeSeconds: IDENTITY_POLICY.maxSessionSeconds,
        });
        return ctx.json(200, sessionBody(session), { 'X-CSRF-Token': session.csrfToken! });
      }
      return ctx.json(200, sessionBody(session));
    },

    resendSignInCode: (ctx) => {
      const challenge = pendingChallenge(ctx);
      if (!challenge) return ctx.problem(404, 'challenge.not-found');
      const locked = lockedProblem(ctx, challenge.citizenId);
      if (locked) return locked;
      const wait = secondsUntil(challenge.resendAvailableAt, ctx.now);
      if (wait > 0) {
        return ctx.problem(429, 'otp.resend-too-early', {
          retryAfterSeconds: wait,
          headers: { 'Retry-After': String(wait) },
        });
      }
      challenge.resends += 1;
      challenge.expiresAt = at(ctx.now, IDENTITY_POLICY.codeTtlSeconds);
      // Each resend doubles the wait, as SMS gateways throttle repeated sends.
      challenge.resendAvailableAt = at(
        ctx.now,
        IDENTITY_POLICY.resendAfterSeconds * 2 ** challenge.resends,
      );
      return ctx.json(200, challengeBody(challenge, ctx.now));
    },

    getCurrentUser: (ctx) => {
      const citizen = ctx.citizen!;
      return ctx.json(200, {
        id: userId(citizen),
        name: { ar: citizen.nameAr, latin: citizen.nameLatin },
        maskedNationalId: maskNationalId(citizen.nationalId),
        maskedPhone: maskPhone(citizen.phone),
        preferredLanguage: citizen.preferredLanguage,
        governorate: citizen.governorate,
      });
    },

    getSession: (ctx) => {
      const session = ctx.session;
      if (!session) return ctx.json(200, { authenticated: false });
      return ctx.json(
        200,
        {
          authenticated: true,
          mode: session.mode,
          expiresAt: session.expiresAt,
          maxExpiresAt: session.maxExpiresAt,
          idleTimeoutSeconds: IDENTITY_POLICY.idleTimeoutSeconds,
          secondsLeft: secondsUntil(session.expiresAt, ctx.now),
        },
        session.csrfToken ? { 'X-CSRF-Token': session.csrfToken } : {},
      );
    },

    refreshSession: (ctx) => {
      const body = (ctx.body ?? {}) as { refreshToken?: string };
      const sessions = ctx.state.identity.sessions;
      let session: SessionRecord | undefined;
      if (body.refreshToken) {
        session = Object.values(sessions).find(
          (s) => s.mode === 'bearer' && s.refreshToken === body.refreshToken,
        );
      } else {
        const id = ctx.cookie('iq_session');
        session = id ? sessions[id] : undefined;
        if (
          session &&
          session.mode === 'cookie' &&
          ctx.headers.get('x-csrf-token') !== session.csrfToken
        ) {
          return ctx.problem(403, 'auth.csrf-invalid');
        }
      }
      if (!session) return ctx.problem(401, 'auth.required');
      if (Date.parse(session.expiresAt) <= ctx.now.getTime()) {
        delete sessions[session.id];
        return ctx.problem(401, 'auth.token-expired');
      }
      const idleEnd = Math.min(
        ctx.now.getTime() + IDENTITY_POLICY.idleTimeoutSeconds * 1000,
        Date.parse(session.maxExpiresAt),
      );
      session.expiresAt = new Date(idleEnd).toISOString();
      if (session.mode === 'bearer') {
        session.accessToken = token('at');
        session.accessExpiresAt = new Date(
          Math.min(ctx.now.getTime() + IDENTITY_POLICY.accessTokenSeconds * 1000, idleEnd),
        ).toISOString();
        session.refreshToken = token('rt');
        return ctx.json(200, sessionBody(session));
      }
      return ctx.json(200, sessionBody(session), { 'X-CSRF-Token': session.csrfToken! });
    },

    signOut: (ctx) => {
      const session = ctx.session!;
      delete ctx.state.identity.sessions[session.id];
      if (session.mode === 'cookie') ctx.setCookie('iq_session', '', { maxAgeSeconds: 0 });
      return ctx.noContent();
    },
  },
};
