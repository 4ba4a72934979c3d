// The back end's half of the soak (`npm run soak`): many calls at once against the sandbox's HTTP
// server, as many browsers would send them. Prints what happened; the figures go in
// docs/performance.md.
import { startSandboxServer } from '@iq-eservices/sandbox/node';
import { SANDBOX_OTP } from '@iq-eservices/sandbox';

/** A signed-in caller of the sandbox over HTTP (cookie mode). */
async function signIn(baseUrl: string, nationalId: string) {
  const call = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...headers, ...(init.headers as object) },
    });
  const start = await call('/identity/v1/sign-in', {
    method: 'POST',
    body: JSON.stringify({ method: 'national-id', nationalId }),
  });
  const { challengeId } = (await start.json()) as { challengeId: string };
  const verified = await call(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    body: JSON.stringify({ code: SANDBOX_OTP }),
  });
  if (verified.status !== 200) throw new Error(`sign-in failed: ${verified.status}`);
  const cookie = verified.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const csrf = verified.headers.get('x-csrf-token') ?? '';
  return (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
    call(path, init, { cookie, 'x-csrf-token': csrf, ...headers });
}

/** What the concurrency soak found. */
export interface ConcurrencyFigures {
  /** Requests to create one payment sent at once with one idempotency key. */
  paymentRequests: number;
  /** Payments that exist for that bill afterwards (must be 1). */
  paymentsCreated: number;
  /** Distinct payment ids in the 2xx answers (must be 1). */
  distinctIds: number;
  /** Answers by status. */
  paymentStatuses: Record<string, number>;
  /** Rounds of concurrent saves of one draft, all with the version read before the round. */
  saveRounds: number;
  savesPerRound: number;
  /** Saves accepted per round (must be exactly 1 each). */
  acceptedPerRound: number[];
  /** Saves refused as stale (409). */
  conflicts: number;
  /** Rounds after which the stored draft was not the accepted save's (must be 0). */
  lostWrites: number;
  seconds: number;
}

/** Runs the concurrency soak against a fresh sandbox server. */
export async function soakConcurrency({
  paymentRequests = 200,
  saveRounds = 20,
  savesPerRound = 20,
} = {}): Promise<ConcurrencyFigures> {
  const started = Date.now();
  const server = await startSandboxServer({ port: 0 });
  try {
    const as = await signIn(server.url, '199012345678');
    // One payment, many sendings at once with one key (double clicks, retries, two tabs).
    const body = JSON.stringify({
      payableIds: ['pbl_0101'],
      method: 'qi-card',
      returnUrl: 'http://localhost:5173/payments/finish',
    });
    const key = `soak-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: paymentRequests }, () =>
        as('/payments/v1/payments', { method: 'POST', body }, { 'idempotency-key': key }),
      ),
    );
    const paymentStatuses: Record<string, number> = {};
    const ids = new Set<string>();
    for (const answer of answers) {
      paymentStatuses[answer.status] = (paymentStatuses[answer.status] ?? 0) + 1;
      const json = (await answer.json()) as { id?: string };
      if (answer.ok && json.id) ids.add(json.id);
    }
    const paymentsCreated = (server.sandbox.state.payments.payments['cit_01'] ?? []).filter(
      (p) => !p.id.startsWith('pay_s') && p.payableIds.includes('pbl_0101'),
    ).length;

    // One draft, saved by many writers at once with the version they all read.
    const mazalati = await signIn(server.url, '199012345678');
    const created = await mazalati('/social-protection/v1/update-requests', {
      method: 'POST',
      body: JSON.stringify({ kind: 'beneficiary-update' }),
    });
    const draft = (await created.json()) as { id: string; version: number };
    const acceptedPerRound: number[] = [];
    let conflicts = 0;
    let lostWrites = 0;
    let version = draft.version;
    for (let round = 0; round < saveRounds; round++) {
      const phones = Array.from(
        { length: savesPerRound },
        (_, i) => `+9647701${String(round * savesPerRound + i).padStart(6, '0')}`,
      );
      const saves = await Promise.all(
        phones.map((phone) =>
          mazalati(`/social-protection/v1/update-requests/${draft.id}`, {
            method: 'PUT',
            body: JSON.stringify({ version, answers: { contact: { phone } } }),
          }).then(async (r) => ({
            status: r.status,
            body: (await r.json()) as { version?: number },
          })),
        ),
      );
      const accepted = saves
        .map((s, i) => ({ ...s, phone: phones[i] }))
        .filter((s) => s.status === 200);
      acceptedPerRound.push(accepted.length);
      conflicts += saves.filter((s) => s.status === 409).length;
      const stored = (await (
        await mazalati(`/social-protection/v1/update-requests/${draft.id}`)
      ).json()) as { version: number; answers: { contact?: { phone?: string } } };
      if (accepted.length !== 1 || stored.answers.contact?.phone !== accepted[0]!.phone)
        lostWrites++;
      version = stored.version;
    }
    return {
      paymentRequests,
      paymentsCreated,
      distinctIds: ids.size,
      paymentStatuses,
      saveRounds,
      savesPerRound,
      acceptedPerRound,
      conflicts,
      lostWrites,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await server.close();
  }
}
