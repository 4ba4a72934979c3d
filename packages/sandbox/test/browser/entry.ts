// Runs in Chromium: the sandbox inside the page as the client's fetch, as Storybook and the
// component tests use it.
import { createSandbox, createSandboxFetch, SANDBOX_OTP } from '@iq-eservices/sandbox';
import { createEServicesClient, isEServicesError, unwrap } from '@iq-eservices/api';

async function run() {
  const sandbox = createSandbox();
  const client = createEServicesClient({
    baseUrl: 'http://sandbox.localhost',
    fetch: createSandboxFetch(sandbox),
    locale: 'ckb',
    retry: false,
  });
  const { challengeId } = unwrap(
    await client.identity.POST('/sign-in', { body: { method: 'phone', phone: '+9647501234001' } }),
  );
  unwrap(
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      params: { path: { challengeId } },
      body: { code: SANDBOX_OTP },
    }),
  );
  const me = unwrap(await client.identity.GET('/me'));
  const card = unwrap(await client.rationCard.GET('/card'));
  const draft = unwrap(
    await client.socialProtection.POST('/update-requests', {
      body: { kind: 'beneficiary-update' },
    }),
  );
  const form = new FormData();
  form.append('type', 'national-card');
  form.append(
    'file',
    new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], 'card.pdf', {
      type: 'application/pdf',
    }),
  );
  const document = unwrap(
    await client.socialProtection.POST('/update-requests/{requestId}/documents', {
      params: { path: { requestId: draft.id } },
      body: form as never,
    }),
  );
  // The hosted gateway page opens in the payment's language, Sorani here, with Sorani's digits
  // and dinar sign even though this browser has no Sorani number data.
  const payables = unwrap(
    await client.payments.GET('/payables', { params: { query: { status: 'unpaid' } } }),
  );
  const payment = unwrap(
    await client.payments.POST('/payments', {
      body: {
        payableIds: [payables.items[0]!.id],
        method: 'qi-card',
        returnUrl: 'http://localhost:5173/done',
      },
    }),
  );
  const page = await (await sandbox.fetch(new Request(payment.redirectUrl))).text();
  const total = /<strong><bdi>([^<]+)<\/bdi><\/strong>/.exec(page)?.[1] ?? '';
  // A number no citizen has is answered as a known one; its code never works.
  const unknown = unwrap(
    await client.identity.POST('/sign-in', {
      body: { method: 'national-id', nationalId: '100000000000' },
    }),
  );
  const wrong = await client.identity.POST('/sign-in/{challengeId}/verify', {
    params: { path: { challengeId: unknown.challengeId } },
    body: { code: SANDBOX_OTP },
  });
  sandbox.faults.set({ faults: [{ kind: 'drop' }] });
  let network = '';
  try {
    await client.identity.GET('/me');
  } catch (error) {
    network = isEServicesError(error) ? error.code : String(error);
  }
  return {
    name: me.name.ar,
    members: card.members.length,
    document: document.contentType,
    unknownTitle: wrong.error?.title,
    gatewayPage: /<html lang="[a-z]+" dir="[a-z]+">/.exec(page)?.[0],
    gatewayTotal: /^\u200f?[٠-٩٬]+\sد\.ع\.\u200f?$/.test(total)
      ? 'Arabic-Indic digits, د.ع.'
      : total,
    network,
    violations: sandbox.violations.length,
  };
}

(window as unknown as { sandboxRun: typeof run }).sandboxRun = run;
