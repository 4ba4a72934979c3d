// The core parts every element is built from (core/request.ts, problem.ts, problem-view.ts,
// focus.ts, announcer.ts), on a small element of this test's own, against the sandbox and a
// client whose fetch the test holds: what one element does with a failed, stale or abandoned
// call, every element does.
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, type PropertyDeclarations } from 'lit';
import {
  EServicesError,
  createEServicesClient,
  unwrap,
  type EServicesClient,
} from '@iq-eservices/api';
import { createSandbox, createSandboxFetch } from '@iq-eservices/sandbox';
import { IqElement } from './base.js';
import { useMessages } from './localization.js';
// The probe speaks the library's problem sentences, which every element's messages carry.
import { messages } from '../generated/messages/ration-card.js';
import { RequestController, type Outcome } from './request.js';
import { FocusController } from './focus.js';
import { Announcer } from './announcer.js';
import { renderProblem } from './problem-view.js';
import { NOT_CONFIGURED, toProblem, type Problem, type ProblemKind } from './problem.js';
import { expectAccessible, setPageLanguage, signIn, until } from '../test/helpers.js';

/** A fetch that waits for the test to answer each call; records the signal of each call. */
function heldFetch() {
  const calls: { request: Request; answer: (r: Response) => void; fail: (e: unknown) => void }[] =
    [];
  const fetch = (request: Request): Promise<Response> =>
    new Promise((answer, fail) => {
      calls.push({ request, answer, fail });
      request.signal.addEventListener('abort', () => fail(request.signal.reason));
    });
  const client = createEServicesClient({
    baseUrl: 'http://held.localhost',
    fetch,
    retry: { maxRetries: 0 },
    timeoutMs: 60_000,
  });
  return { calls, client };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

class ProbeElement extends IqElement {
  static {
    useMessages(messages);
  }
  static override properties: PropertyDeclarations = { problem: { state: true } };
  readonly calls = new RequestController(this, () => this.api);
  readonly keep = new RequestController(this, () => this.api, {
    abortOnDisconnect: false,
    authRequired: false,
  });
  readonly focuser = new FocusController(this);
  readonly announcer = new Announcer(this);
  problem: Problem | null = null;
  retries = 0;

  override render() {
    return html`<h2 id="heading" tabindex="-1">Probe</h2>
      ${
        this.problem
          ? renderProblem(this.problem, { retry: () => this.retries++, detail: 'More.' })
          : ''
      }
      ${this.announcer.render()}`;
  }
}
customElements.define('iq-test-probe', ProbeElement);

const card = (client: EServicesClient, signal: AbortSignal) =>
  client.rationCard.GET('/card', { signal }).then(unwrap);

describe('core: request controller', () => {
  it('passes its signal to the client and aborts the call when the element leaves the page', async () => {
    const { calls, client } = heldFetch();
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    const outcome = probe.calls.run(card);
    await until(() => calls.length === 1, 'the call left');
    expect(probe.calls.pending).to.equal(true);
    probe.remove();
    expect(calls[0]!.request.signal.aborted).to.equal(true);
    expect(await outcome).to.equal(undefined);
    expect(probe.calls.pending).to.equal(false);
  });

  it('keeps a call that must finish going when the element leaves the page', async () => {
    const { calls, client } = heldFetch();
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    const outcome = probe.keep.run(card);
    await until(() => calls.length === 1, 'the call left');
    probe.remove();
    expect(calls[0]!.request.signal.aborted).to.equal(false);
    calls[0]!.answer(json({ ok: true }));
    expect((await outcome)?.value).to.deep.equal({ ok: true });
  });

  it('aborts the previous run when it runs again: a stale answer never overwrites a newer one', async () => {
    const { calls, client } = heldFetch();
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    const first = probe.calls.run(card);
    await until(() => calls.length === 1, 'the first call left');
    const second = probe.calls.run(card);
    await until(() => calls.length === 2, 'the second call left');
    expect(calls[0]!.request.signal.aborted).to.equal(true);
    calls[1]!.answer(json({ n: 2 }));
    // The first call's answer arrives late: it is dropped.
    calls[0]!.answer(json({ n: 1 }));
    expect(await first).to.equal(undefined);
    expect((await second)?.value).to.deep.equal({ n: 2 });
  });

  it('drops the answer of a call abandoned with abort()', async () => {
    const { calls, client } = heldFetch();
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    const outcome = probe.calls.run(card);
    await until(() => calls.length === 1, 'the call left');
    probe.calls.abort();
    expect(await outcome).to.equal(undefined);
  });

  it('answers "not configured" without a client, the same problem for every element', async () => {
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    let outcome: Outcome<unknown> | undefined;
    try {
      outcome = await probe.calls.run(card);
    } finally {
      console.warn = original;
    }
    expect(outcome?.problem).to.equal(NOT_CONFIGURED);
    expect(String(warnings[0])).to.contain('<iq-test-probe>: no client');
  });

  it('fires iq-error and iq-auth-required on a 401 (not when told the 401 means signed out)', async () => {
    // A client of its own (not configure()'s, which would reach every element of the page).
    const client = createEServicesClient({
      baseUrl: 'http://sandbox.localhost',
      fetch: createSandboxFetch(createSandbox()),
      retry: { maxRetries: 0 },
    });
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    const heard: string[] = [];
    for (const type of ['iq-error', 'iq-auth-required'])
      probe.addEventListener(type, (e) =>
        heard.push(`${e.type}:${(e as Event & { code?: string }).code ?? ''}`),
      );
    const outcome = await probe.calls.run(card);
    expect(outcome?.problem?.kind).to.equal('auth');
    expect(outcome?.problem?.requestId).to.be.a('string');
    expect(heard).to.deep.equal(['iq-error:auth.required', 'iq-auth-required:']);
    heard.length = 0;
    const quiet = await probe.keep.run(card);
    expect(quiet?.problem?.kind).to.equal('auth');
    expect(heard).to.deep.equal(['iq-error:auth.required']);
  });

  it('explains a 401 after sign-in from a page on another site than the service (the cookie is not sent), in Arabic, without asking to sign in again', async () => {
    // The browser's own fetch, as a page on localhost calling a service on another host sees it:
    // the sign-in answers (and sets a SameSite=Strict cookie), later calls arrive without it.
    const sandbox = createSandbox();
    const signInFetch = createSandboxFetch(sandbox);
    const cookielessFetch = createSandboxFetch(sandbox);
    const platformFetch = window.fetch;
    window.fetch = (input, init) =>
      (String(input instanceof Request ? input.url : input).includes('/sign-in')
        ? signInFetch
        : cookielessFetch)(input, init);
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const client = createEServicesClient({
        baseUrl: 'http://127.0.0.1:4010',
        retry: { maxRetries: 0 },
      });
      expect(location.hostname).to.equal('localhost');
      await signIn({ sandbox, client }, sandbox.citizens[0]!.id);
      expect(client.session.cookieBlocked()).to.equal(true);
      await import('../define/ration-card.js');
      await setPageLanguage('ar');
      const heard: string[] = [];
      const element = await fixture<HTMLElement & { client?: EServicesClient }>(
        fixtureHtml`<iq-ration-card
          .client=${client}
          @iq-error=${(e: Event) => heard.push(e.type)}
          @iq-auth-required=${(e: Event) => heard.push(e.type)}
        ></iq-ration-card>`,
      );
      await until(
        () => !!element.shadowRoot!.querySelector('[part="problem"]'),
        'the ration card shows its problem',
      );
      expect(element.shadowRoot!.querySelector('[part="problem"]')!.textContent).to.contain(
        'لا تستطيع هذه الصفحة إبقاءك مسجّلاً الدخول بسبب مشكلة في الموقع',
      );
      // The host hears of the failure; nobody is sent to a sign-in that cannot help.
      expect(heard).to.include('iq-error');
      expect(heard).not.to.include('iq-auth-required');
      expect(String(warnings.at(-1))).to.contain('different sites');
      await expectAccessible(element);
    } finally {
      window.fetch = platformFetch;
      console.warn = warn;
      await setPageLanguage('en');
    }
  });

  it('throws what is not the client’s error (a bug is not a problem to show)', async () => {
    const { client } = heldFetch();
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    let thrown: unknown;
    await probe.calls
      .run(() => Promise.reject(new TypeError('bug')))
      .catch((error: unknown) => (thrown = error));
    expect(thrown).to.be.instanceOf(TypeError);
    expect(probe.calls.pending).to.equal(false);
  });
});

describe('core: one mapping of failures', () => {
  const cases: [Partial<ConstructorParameters<typeof EServicesError>[0]>, ProblemKind][] = [
    [{ status: 0, code: 'network.error' }, 'offline'],
    [{ status: 0, code: 'network.timeout' }, 'timeout'],
    [{ status: 408, code: 'request.timeout' }, 'timeout'],
    [{ status: 409, code: 'idempotency.in-progress' }, 'timeout'],
    [{ status: 429, code: 'rate-limited', retryAfterSeconds: 30 }, 'rate-limited'],
    [{ status: 500, code: 'server.error' }, 'server'],
    [{ status: 503, code: 'service.unavailable' }, 'server'],
    [{ status: 200, code: 'response.malformed' }, 'server'],
    [{ status: 401, code: 'auth.required' }, 'auth'],
    [{ status: 404, code: 'card.not-found' }, 'not-found'],
    [
      {
        status: 422,
        code: 'validation.failed',
        fieldErrors: [{ pointer: '/phone', code: 'phone.invalid', detail: '' }],
      },
      'validation',
    ],
    [{ status: 409, code: 'payment.already-paid' }, 'refused'],
  ];
  for (const [init, kind] of cases)
    it(`${init.status} ${init.code} is ${kind}`, () => {
      const problem = toProblem(
        new EServicesError({ status: 0, code: '', ...init, requestId: 'req_1' }),
      );
      expect(problem.kind).to.equal(kind);
      expect(problem.code).to.equal(init.code);
      expect(problem.requestId).to.equal('req_1');
      expect(problem.retryAfterSeconds).to.equal(init.retryAfterSeconds);
    });
});

describe('core: the problem document', () => {
  it('is kept for the members an element reads (attemptsLeft, lockedUntil)', async () => {
    // The sandbox answers a wrong code with `otp.invalid` and the attempts left.
    const client = createEServicesClient({
      baseUrl: 'http://sandbox.localhost',
      fetch: createSandboxFetch(createSandbox()),
      retry: { maxRetries: 0 },
    });
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.client = client;
    const outcome = await probe.calls.run(async (c) => {
      const challenge = unwrap(
        await c.identity.POST('/sign-in', {
          body: { method: 'national-id', nationalId: '199012345678' },
        }),
      );
      return unwrap(
        await c.identity.POST('/sign-in/{challengeId}/verify', {
          params: { path: { challengeId: challenge.challengeId } },
          body: { code: '000000', mode: 'cookie' },
        }),
      );
    });
    expect(outcome?.problem?.code).to.equal('otp.invalid');
    expect(outcome?.problem?.details?.['attemptsLeft']).to.equal(2);
    // Without a problem document (no answer at all), there is none.
    expect(toProblem(new EServicesError({ status: 0, code: 'network.error' })).details).to.equal(
      undefined,
    );
  });
});

describe('core: problem view, focus and announcer', () => {
  afterEach(() => setPageLanguage('ar'));

  it('shows the sentence, the reference in a left-to-right island and "Try again" when it may help', async () => {
    await setPageLanguage('en');
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.problem = toProblem(new EServicesError({ status: 503, code: 'x', requestId: 'req_42' }));
    probe.focuser.to('#problem');
    await probe.updateComplete;
    const box = probe.shadowRoot!.querySelector<HTMLElement>('[part="problem"]')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(probe.shadowRoot!.activeElement).to.equal(box);
    expect(box.textContent).to.contain('Something went wrong on our side');
    expect(box.textContent).to.contain('More.');
    const reference = box.querySelector('bdi')!;
    expect([reference.textContent, reference.dir]).to.deep.equal(['req_42', 'ltr']);
    box.querySelector<HTMLButtonElement>('button.retry')!.click();
    expect(probe.retries).to.equal(1);

    probe.problem = NOT_CONFIGURED;
    await probe.updateComplete;
    const again = probe.shadowRoot!.querySelector('[part="problem"]')!;
    expect(again.textContent).to.contain('cannot be used on this page');
    expect(again.querySelector('button'), 'no retry where it cannot help').to.equal(null);
  });

  it('says the problem in Arabic and Kurdish', async () => {
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.problem = toProblem(new EServicesError({ status: 0, code: 'network.error' }));
    for (const [locale, words] of [
      ['ar', 'تعذّر الوصول إلى الخدمة'],
      ['ckb', 'نەتوانرا بگەینە خزمەتگوزارییەکە'],
    ] as const) {
      await setPageLanguage(locale);
      probe.requestUpdate();
      await probe.updateComplete;
      expect(probe.shadowRoot!.querySelector('[part="problem"]')!.textContent).to.contain(words);
    }
  });

  it('announces a repeated message again (the region empties, then speaks)', async () => {
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    const region = () => probe.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
    probe.announcer.announce('Saved.');
    await probe.updateComplete;
    expect(region()).to.equal('Saved.');
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region()));
    observer.observe(probe.shadowRoot!.querySelector('[role="status"]')!, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    probe.announcer.announce('Saved.');
    await until(() => seen.includes('Saved.'), 'the repeated message is said again');
    observer.disconnect();
    expect(seen[0]).to.equal('');
    // A newer message wins over a repeat still waiting for its turn.
    probe.announcer.announce('Saved.');
    probe.announcer.announce('Sent.');
    await until(() => region() === 'Sent.', 'the newer message');
    await new Promise((r) => setTimeout(r, 120));
    expect(region()).to.equal('Sent.');
  });

  it('moves focus after the next render; the last request wins', async () => {
    const probe = await fixture<ProbeElement>(fixtureHtml`<iq-test-probe></iq-test-probe>`);
    probe.problem = toProblem(new EServicesError({ status: 0, code: 'network.error' }));
    probe.focuser.to('#problem');
    probe.focuser.to('#heading');
    expect(probe.focuser.pending).to.equal(true);
    await probe.updateComplete;
    expect(probe.focuser.pending).to.equal(false);
    expect(probe.shadowRoot!.activeElement?.id).to.equal('heading');
  });

  it('works with the sandbox through a real element: the ration card shows the library’s problem', async () => {
    const sandbox = createSandbox();
    const failing = createEServicesClient({
      baseUrl: 'http://sandbox.localhost',
      fetch: (request) =>
        request.url.includes('/card')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : createSandboxFetch(sandbox)(request),
      retry: { maxRetries: 0 },
    });
    await import('../define/ration-card.js');
    await setPageLanguage('en');
    const element = await fixture<HTMLElement & { client?: EServicesClient }>(
      fixtureHtml`<iq-ration-card .client=${failing}></iq-ration-card>`,
    );
    await until(
      () => !!element.shadowRoot!.querySelector('[part="problem"]'),
      'the ration card shows its problem',
    );
    expect(element.shadowRoot!.querySelector('[part="problem"]')!.textContent).to.contain(
      'Check your internet connection',
    );
  });
});
