import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TrackedRequest } from '@iq-eservices/api';
import '../define/my-requests.js';
import type { IqMyRequests } from './my-requests.js';
import { IqRequestContinueEvent } from './events.js';
import { setPageLanguage, until } from '../test/helpers.js';
import { $, $$, START, references, render, said, settled, signedIn, text } from './test/harness.js';

const DAY = 24 * 60 * 60 * 1000;

/** Focuses the control `selector` inside the element, as a Tab would land on it. */
function focusOn(el: IqMyRequests, selector: string): void {
  $(el, selector)!.focus();
}

describe('iq-my-requests', function () {
  this.timeout(20000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await setPageLanguage('ar');
  });

  it('lists the citizen’s requests of every service, newest first, with their timelines', async () => {
    await setPageLanguage('en');
    await signedIn('cit_01');
    const el = await render();
    expect(references(el)).to.deep.equal(['PAY-2026-900002', 'PAY-2026-900001', 'RC-2026-700412']);
    expect(text(el, '[part="count"]')).to.equal('3 requests');
    const [, , family] = $$(el, '[part="request"]');
    expect(family!.dataset['status']).to.equal('rejected');
    expect(family!.textContent).to.contain('Add a newborn');
    expect(family!.textContent).to.contain('Ration card');
    expect(family!.textContent).to.contain('does not match the civil registry');
    expect(family!.textContent).to.contain('Visit your office');
    // The timeline: each status reached, in order, the current one marked.
    const steps = [...family!.querySelectorAll('[part="timeline"] li')];
    expect(steps.map((s) => s.querySelector('.step-status')?.textContent?.trim())).to.deep.equal([
      'Received',
      'Under review',
      'Rejected',
    ]);
    expect(steps.map((s) => s.getAttribute('aria-current'))).to.deep.equal([null, null, 'step']);
    // The reference is a left-to-right island in Latin digits, in any language.
    const reference = family!.querySelector('[part="reference"]')!;
    expect(reference.localName).to.equal('bdi');
    expect(reference.getAttribute('dir')).to.equal('ltr');
    await setPageLanguage('ar');
    await el.updateComplete;
    expect(references(el)[2]).to.equal('RC-2026-700412');
    expect(text(el, '[part="count"]')).to.equal('٣ طلبات');
    expect(family!.textContent).to.match(/أيلول|تشرين/, 'Iraqi month names');
  });

  it('filters by service and status with the keyboard only', async () => {
    await setPageLanguage('en');
    await signedIn('cit_01');
    const el = await render();
    focusOn(el, '#filter-service');
    // All services → Social protection → Ration card.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => references(el).length === 1, 'the ration card request alone');
    expect(references(el)).to.deep.equal(['RC-2026-700412']);
    await until(() => said(el) === 'One request', 'the count announced');

    // The status filter: Any status → Received → … → Approved, with Ration card: nothing.
    focusOn(el, '#filter-status');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '.empty'), 'the filtered empty state');
    expect(text(el, '.empty')).to.equal('No requests match these filters.');
  });

  it('pages with "show more", moving focus to the first new request', async () => {
    await setPageLanguage('en');
    await signedIn('cit_01');
    const el = await settled(
      await fixture<IqMyRequests>(html`<iq-my-requests page-size="2"></iq-my-requests>`),
    );
    expect(references(el)).to.have.length(2);
    expect(text(el, '[part="count"]')).to.equal('3 requests');
    $(el, '[part="show-more"]')!.click();
    await until(() => references(el).length === 3, 'the third request');
    expect(references(el)).to.deep.equal(['PAY-2026-900002', 'PAY-2026-900001', 'RC-2026-700412']);
    expect($(el, '[part="show-more"]')).to.equal(null, 'no more pages');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Add a newborn');
    await until(() => said(el) === 'One more request shown.', 'announced');
  });

  it('shows the empty state for a citizen with no request', async () => {
    await setPageLanguage('en');
    await signedIn('cit_03');
    const el = await render();
    expect(text(el, '.empty')).to.equal('You have not sent any request yet.');
    expect(text(el, '[part="count"]')).to.equal('0 requests');
  });

  it('finds a request by a reference typed in Arabic-Indic digits; refuses a malformed one, keeping it', async () => {
    await setPageLanguage('ar');
    await signedIn('cit_13');
    const el = await render('lookup');
    expect($(el, '[part="list"]')).to.equal(null, 'lookup mode: no list');
    focusOn(el, '#reference');
    await sendKeys({ type: 'mzl-٢٠٢٦-٠٩١٣' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '#reference-error'), 'the format error');
    const input = $<HTMLInputElement>(el, '#reference')!;
    expect(input.value).to.equal('mzl-٢٠٢٦-٠٩١٣', 'what was typed stays');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('reference-error');
    expect(text(el, '#reference-error')).to.contain('أدخل الرقم المرجعي كما هو في التأكيد');
    await until(() => el.shadowRoot!.activeElement === input, 'focus on the field');

    await sendKeys({ type: '٠١' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[part="found"]'), 'the request found');
    expect($(el, '#reference-error')).to.equal(null);
    const found = $(el, '[part="found"]')!;
    expect(found.querySelector('[part="reference"]')!.textContent!.trim()).to.equal(
      'MZL-2026-091301',
    );
    expect(found.querySelector('[aria-current="step"]')!.textContent).to.contain(
      'مطلوب معلومات إضافية',
    );
    expect(found.textContent).to.contain('تقرير اللجنة الطبية');
    await until(() => said(el).startsWith('تم العثور على الطلب'), 'announced');
  });

  it('says "not found" for a reference that is not the citizen’s', async () => {
    await setPageLanguage('en');
    await signedIn('cit_13');
    const el = await render('lookup');
    focusOn(el, '#reference');
    await sendKeys({ type: 'RC-2026-700412' }); // cit_01's
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '#lookup-problem'), 'not found');
    expect(text(el, '#lookup-problem')).to.contain(
      'No request of yours has this reference number.',
    );
    expect($(el, '#lookup-problem .retry')).to.equal(null, 'trying again cannot help');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('lookup-problem');
  });

  it('needs information: the button fires iq-request-continue with the step', async () => {
    await setPageLanguage('en');
    await signedIn('cit_13');
    const el = await render();
    const request = $$(el, '[part="request"]').find(
      (r) => r.dataset['status'] === 'needs-information',
    )!;
    expect(request.textContent).to.contain('A medical committee report');
    const button = request.querySelector<HTMLButtonElement>('[part="continue"]')!;
    button.focus();
    const heard = new Promise<IqRequestContinueEvent>((resolve) =>
      el.addEventListener('iq-request-continue', resolve, { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    const event = await heard;
    expect(event).to.be.instanceOf(IqRequestContinueEvent);
    expect([event.service, event.requestId, event.step, event.referenceNumber]).to.deep.equal([
      'social-protection',
      'upd_seed1301',
      'documents',
      'MZL-2026-091301',
    ]);
    expect(event.bubbles && event.composed).to.equal(true);
    // Paid and decided requests offer no such button.
    expect($$(el, '[part="continue"]')).to.have.length(1);
  });

  it('a request moves through its states as the sandbox clock advances; a refresh shows and announces it', async () => {
    await setPageLanguage('en');
    const s = await signedIn('cit_23');
    const el = await render();
    const status = () =>
      $$(el, '[part="request"]').find((r) => r.textContent?.includes('MZL-2026-092301'))?.dataset[
        'status'
      ];
    expect(status()).to.equal('submitted');
    const upcoming = $$(el, '[part="timeline"] .upcoming').map((li) => li.textContent?.trim());
    expect(upcoming.join('|')).to.contain('Under review');

    await s.moveTo(START + 2 * DAY);
    $(el, '[part="refresh"]')!.click();
    await until(() => status() === 'under-review', 'under review');
    await until(
      () => said(el) === 'New status for \u2066MZL-2026-092301\u2069: Under review.',
      'the change announced',
    );

    await s.moveTo(START + 40 * DAY);
    $(el, '[part="refresh"]')!.click();
    await until(() => !['submitted', 'under-review'].includes(status() ?? ''), 'decided');
    expect(['approved', 'rejected', 'needs-information']).to.include(status());
  });

  it('offline: the problem with a retry, which then shows the list', async () => {
    await setPageLanguage('en');
    const s = await signedIn('cit_01');
    s.sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['listMyRequests'] }] });
    const el = await render();
    expect(text(el, '#problem')).to.contain('We could not reach the service');
    await until(() => el.shadowRoot!.activeElement?.id === 'problem', 'focus on the problem');
    s.sandbox.faults.clear();
    $(el, '#problem .retry')!.click();
    await until(() => references(el).length === 3, 'the list after the retry');
    expect($(el, '#problem')).to.equal(null);
  });

  it('a failed "show more" keeps the list and retries in place', async () => {
    await setPageLanguage('en');
    const s = await signedIn('cit_01');
    const el = await settled(
      await fixture<IqMyRequests>(html`<iq-my-requests page-size="2"></iq-my-requests>`),
    );
    s.sandbox.faults.set({ faults: [{ kind: 503, operations: ['listMyRequests'] }] });
    $(el, '[part="show-more"]')!.click();
    await until(() => !!$(el, '#more-problem'), 'the page problem');
    expect(references(el)).to.have.length(2, 'the shown requests stay');
    s.sandbox.faults.clear();
    $(el, '#more-problem .retry')!.click();
    await until(() => references(el).length === 3, 'the next page');
  });

  it('signed out: asks to sign in and tells the host', async () => {
    await setPageLanguage('en');
    await signedIn(null);
    const heard = new Promise((resolve) => {
      document.addEventListener('iq-auth-required', resolve, { once: true });
    });
    const el = await render();
    await heard;
    expect(text(el, '#problem')).to.contain('Sign in to see your requests.');
  });

  it('with `data`: nothing is fetched; the filters and the look-up work on the given requests', async () => {
    await setPageLanguage('en');
    const s = await signedIn('cit_13');
    const page = await s.client.requests.GET('/requests', {});
    const items = page.data?.items ?? [];
    expect(items).to.have.length(2);
    const calls = { ...s.sandbox.calls };
    const el = await fixture<IqMyRequests>(
      html`<iq-my-requests .data=${{ items }}></iq-my-requests>`,
    );
    expect(references(el)).to.deep.equal(['MZL-2026-091301', 'PAY-2026-900009']);
    expect($(el, '[part="refresh"]')).to.equal(null, 'nothing to refresh');
    const status = $<HTMLSelectElement>(el, '#filter-status')!;
    status.value = 'approved';
    $(el, '.filters button')!.click();
    await until(() => references(el).length === 1, 'filtered');
    expect(references(el)).to.deep.equal(['PAY-2026-900009']);
    $(el, '#reference')!.focus();
    await sendKeys({ type: 'MZL-2026-091301' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[part="found"]'), 'found among the given requests');
    expect(s.sandbox.calls).to.deep.equal(calls, 'no call to the service');
  });

  it('hostile server strings are shown as text, and the layout holds at 320 px', async () => {
    await setPageLanguage('ar');
    await setViewport({ width: 320, height: 640 });
    const long = 'ا'.repeat(10_000);
    const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const bidi = '\u202eRC-2026-000001\u202c';
    const hostile: string = `${markup}${bidi}${long}`;
    const request: TrackedRequest = {
      id: hostile,
      service: hostile as TrackedRequest['service'],
      kind: hostile as TrackedRequest['kind'],
      referenceNumber: hostile,
      submittedAt: hostile,
      updatedAt: hostile,
      status: 'needs-information',
      rejectionReason: hostile as TrackedRequest['rejectionReason'],
      informationNeeded: {
        code: hostile as NonNullable<TrackedRequest['informationNeeded']>['code'],
        step: hostile,
      },
      timeline: [{ status: hostile as TrackedRequest['status'], at: hostile }],
      result: hostile as TrackedRequest['result'],
      nextAction: hostile as TrackedRequest['nextAction'],
    };
    const el = await fixture<IqMyRequests>(
      html`<iq-my-requests .data=${{ items: [request] }}></iq-my-requests>`,
    );
    await el.updateComplete;
    const shown = $(el, '[part="request"]')!;
    expect(shown.querySelector('img, b')).to.equal(null, 'no markup rendered');
    expect(shown.textContent).to.contain('<img src=x');
    expect(shown.textContent).not.to.match(/[\u202a-\u202e\u2066-\u2069]/u);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1, 'no horizontal overflow');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
