import { expect } from '@open-wc/testing';
import type { IqSubmittedEvent } from './events.js';
import type { IqUpdateWizard } from './update-wizard.js';
import { until } from '../test/helpers.js';
import {
  $,
  atStep,
  attach,
  latin,
  mount,
  next,
  pdf,
  reload,
  signedIn,
  storedRequests,
  text,
  viewOf,
  type Setup,
} from './test/harness.js';

/** The `Idempotency-Key` of every submission request that leaves the page. */
function submitKeys(setup: Setup): string[] {
  const keys: string[] = [];
  setup.client.use({
    onRequest({ request }) {
      if (request.url.endsWith('/submit')) keys.push(request.headers.get('Idempotency-Key') ?? '');
      return undefined;
    },
  });
  return keys;
}

/** A wizard on check answers, everything answered and a national card attached. */
async function ready(): Promise<{
  setup: Setup;
  el: IqUpdateWizard;
  events: IqSubmittedEvent[];
  keys: string[];
}> {
  const setup = await signedIn('cit_01');
  const keys = submitKeys(setup);
  const el = await mount();
  const events: IqSubmittedEvent[] = [];
  el.addEventListener('iq-submitted', (e) => events.push(e));
  for (const step of ['identity', 'residence', 'household', 'income', 'health']) {
    await atStep(el, step);
    await next(el);
  }
  await atStep(el, 'documents');
  await attach(el, 'national-card', pdf());
  await next(el);
  await atStep(el, 'check');
  return { setup, el, events, keys };
}

const submittedOf = (setup: Setup) =>
  storedRequests(setup.sandbox, 'social-protection').filter(
    (d) => d.citizenId === 'cit_01' && d.status === 'submitted',
  );

const submitButton = (el: IqUpdateWizard) => $<HTMLButtonElement>(el, '[part="submit"]')!;

describe('iq-update-wizard: exactly-once submission', function () {
  this.timeout(60000);

  afterEach(() => sessionStorage.clear());

  it('a double click sends one submission', async () => {
    const { setup, el, events } = await ready();
    setup.sandbox.faults.set({ latencyMs: 200 });
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    submitButton(el)?.click();
    await until(() => viewOf(el) === 'done', 'confirmation');
    setup.sandbox.faults.clear();
    expect(setup.sandbox.calls['submitUpdateRequest']).to.equal(1);
    expect(submittedOf(setup).length).to.equal(1);
    expect(events.length).to.equal(1);
  });

  it('a lost answer (dropped after the service acted), then Try again: one request, one reference number', async () => {
    const { setup, el, events, keys } = await ready();
    setup.sandbox.faults.set({
      faults: [{ kind: 'drop', phase: 'after', operations: ['submitUpdateRequest'], count: 2 }],
    });
    submitButton(el).click();
    await until(() => !!$(el, '[part="error-summary"]'), 'the failure is shown');
    expect(viewOf(el)).to.equal('check');
    expect(submittedOf(setup).length, 'the service did act').to.equal(1);
    setup.sandbox.faults.clear();
    submitButton(el).click();
    await until(
      () => viewOf(el) === 'done',
      `confirmation (${text(el, '[part="error-summary"]')})`,
    );
    const stored = submittedOf(setup);
    expect(stored.length).to.equal(1);
    expect(latin(text(el, '[part="reference"]'))).to.equal(stored[0]!.referenceNumber);
    expect(events.map((e) => e.referenceNumber)).to.deep.equal([stored[0]!.referenceNumber]);
    expect(keys.length, 'the submission, then Try again').to.equal(2);
    expect(new Set(keys).size, 'one key for every attempt').to.equal(1);
    expect(setup.sandbox.violations).to.deep.equal([]);
  });

  it('a reload after the answer was lost re-sends the same key: the same reference number, once', async () => {
    const { setup, el, keys } = await ready();
    setup.sandbox.faults.set({
      faults: [{ kind: 'drop', phase: 'after', operations: ['submitUpdateRequest'], count: 2 }],
    });
    submitButton(el).click();
    await until(() => !!$(el, '[part="error-summary"]'), 'the failure is shown');
    const key = JSON.parse(sessionStorage.getItem('iq-update-wizard:social-protection')!).submitKey;
    expect(key).to.match(/^idem_[0-9a-f]{32}$/);
    setup.sandbox.faults.clear();
    const again = await reload(el);
    await until(() => viewOf(again) === 'done', 'confirmation after the reload');
    const stored = submittedOf(setup);
    expect(stored.length).to.equal(1);
    expect(latin(text(again, '[part="reference"]'))).to.equal(stored[0]!.referenceNumber);
    expect(sessionStorage.getItem('iq-update-wizard:social-protection')).to.equal(null);
    expect(keys.length).to.equal(2);
    expect(
      keys.every((k) => k === key),
      'the key sent after the reload is the first one',
    ).to.equal(true);
  });

  it('a reload while the submission is in flight: one request, and the confirmation after the reload', async () => {
    const { setup, el, keys } = await ready();
    setup.sandbox.faults.set({ latencyMs: 300 });
    submitButton(el).click();
    await until(
      () => !!JSON.parse(sessionStorage.getItem('iq-update-wizard:social-protection')!).submitting,
      'submission sent',
    );
    el.remove();
    // The first attempt finishes on the server while the page reloads.
    await new Promise((r) => setTimeout(r, 600));
    setup.sandbox.faults.clear();
    const again = await mount();
    await until(() => viewOf(again) === 'done', 'confirmation after the reload');
    expect(submittedOf(setup).length).to.equal(1);
    expect(latin(text(again, '[part="reference"]'))).to.equal(
      submittedOf(setup)[0]!.referenceNumber,
    );
    expect(keys.length).to.equal(2);
    expect(keys[1], 'the key sent after the reload is the first one').to.equal(keys[0]);
  });

  it('the key is kept for the version it was made for: a changed draft gets a new key', async () => {
    const { setup, el, keys } = await ready();
    setup.sandbox.faults.set({
      faults: [{ kind: 503, operations: ['submitUpdateRequest'], count: 2 }],
    });
    submitButton(el).click();
    await until(() => !!$(el, '[part="error-summary"]'), 'the failure is shown');
    const first = JSON.parse(sessionStorage.getItem('iq-update-wizard:social-protection')!);
    setup.sandbox.faults.clear();
    // Back to a question, change it: a new version, so a new submission.
    $<HTMLButtonElement>(el, '[part="change"]')!.click();
    await atStep(el, 'residence');
    const landmark = el.shadowRoot!.querySelector<HTMLInputElement>('#f-landmark')!;
    landmark.value = 'قرب المستشفى';
    landmark.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await next(el);
    await atStep(el, 'check');
    submitButton(el).click();
    await until(() => viewOf(el) === 'done', 'confirmation');
    expect(first.submitKey).to.be.a('string');
    expect(keys.length).to.equal(2);
    expect(keys[0]).to.equal(first.submitKey);
    expect(keys[1], 'a new version, a new key').not.to.equal(keys[0]);
    expect(submittedOf(setup).length).to.equal(1);
    expect(
      (submittedOf(setup)[0]!.answers as { residence: { nearestLandmark: string } }).residence
        .nearestLandmark,
    ).to.equal('قرب المستشفى');
  });
});
