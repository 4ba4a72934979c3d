import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { unwrap } from '@iq-eservices/api';
import '../define/ration-card.js';
import type { IqRationCard } from './ration-card.js';
import type { RationCardData } from './events.js';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import { $, $$, signedIn, text } from './test/harness.js';

/** A reference number as typed: Latin digits, without the marks that keep its groups in order. */
const latin = (value: string) =>
  value
    .replace(/\u200e/g, '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .trim();

/** Waits until the card and the requests section have settled (list, empty state or error). */
async function settled(el: IqRationCard): Promise<IqRationCard> {
  await until(
    () =>
      !!$(el, '#problem') ||
      (!!$(el, '[part="status"]') &&
        (!!$(el, '.request-list') ||
          !!$(el, '[part="requests"] .empty') ||
          !!$(el, '#requests-problem'))),
    'card and requests',
  );
  await el.updateComplete;
  return el;
}

async function cardFor(citizenId: string) {
  const s = await signedIn(citizenId);
  const el = await settled(await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`));
  return { ...s, el };
}

const STATUS_TEXT = {
  en: { 'under-review': 'Under review', approved: 'Approved' },
  ar: { 'under-review': 'قيد المراجعة', approved: 'تمت الموافقة' },
  ckb: { 'under-review': 'لە ژێر پێداچوونەوەدایە', approved: 'پەسەندکرا' },
} as const;

describe('iq-ration-card: family change requests', function () {
  this.timeout(30000);

  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setPageLanguage('ar');
  });

  for (const locale of LOCALES) {
    it(`${locale}: cit_01 shows its add-newborn request under review with its reference`, async () => {
      await setPageLanguage(locale);
      const { el } = await cardFor('cit_01');
      const requests = $$(el, '[part="request"]');
      expect(requests).to.have.length(1);
      const request = requests[0]!;
      expect(request.dataset['kind']).to.equal('add-newborn');
      expect(request.dataset['status']).to.equal('under-review');
      expect(request.querySelector('.badge')!.textContent!.trim()).to.equal(
        STATUS_TEXT[locale]['under-review'],
      );
      const reference = request.querySelector('bdi.reference')!;
      expect(reference.getAttribute('dir')).to.equal('ltr');
      expect(latin(reference.textContent!)).to.equal('RC-2026-700412');
      if (locale === 'en') {
        expect(request.textContent).to.contain('Add a newborn');
        expect(request.textContent).to.contain('Sent on September 10, 2026');
      } else {
        expect(request.textContent).to.not.contain('Add a newborn');
      }
      // In every language the reference is as it is typed: Latin digits.
      expect(reference.textContent).to.equal('RC-2026-700412');
      // The card itself is there too.
      expect($(el, '.number')).to.not.equal(null);
      await expectAccessible(el);
    });
  }

  it('cit_20: an approved change of agent', async () => {
    await setPageLanguage('en');
    const { el } = await cardFor('cit_20');
    const request = $(el, '[part="request"]')!;
    expect(request.dataset['status']).to.equal('approved');
    expect(request.querySelector('.badge')!.textContent!.trim()).to.equal('Approved');
    expect(request.textContent).to.contain('Change of agent');
    expect(latin(request.querySelector('bdi.reference')!.textContent!)).to.equal('RC-2025-700873');
    await setPageLanguage('ckb');
    await el.updateComplete;
    expect(request.querySelector('.badge')!.textContent!.trim()).to.equal(STATUS_TEXT.ckb.approved);
  });

  it('cit_09: a draft is "not sent yet" and has no reference number', async () => {
    await setPageLanguage('en');
    const { el } = await cardFor('cit_09');
    const request = $(el, '[part="request"]')!;
    expect(request.dataset['status']).to.equal('draft');
    expect(request.textContent).to.contain('Remove a member who has died');
    expect(request.querySelector('.sent')!.textContent!.trim()).to.equal('Not sent yet');
    expect(request.querySelector('bdi.reference')).to.equal(null);
  });

  it('a household with no change requests shows the empty state', async () => {
    await setPageLanguage('en');
    const { el } = await cardFor('cit_14');
    expect($$(el, '[part="request"]')).to.have.length(0);
    expect(text(el, '[part="requests"] .empty')).to.contain('no open or recent change requests');
    await expectAccessible(el);
  });

  it('a 503 on the change requests only keeps the card and its retry loads them', async () => {
    await setPageLanguage('en');
    const s = await signedIn('cit_01');
    s.sandbox.faults.set({ faults: [{ kind: 503, operations: ['listChangeRequests'] }] });
    try {
      const el = await settled(
        await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`),
      );
      expect($(el, '#problem')).to.equal(null);
      expect($(el, '.number')).to.not.equal(null);
      expect($$(el, '.member').length).to.be.greaterThan(0);
      expect($(el, '[part="entitlement"]')).to.not.equal(null);
      const problem = $(el, '#requests-problem')!;
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(text(el, '#requests-problem')).to.contain('could not be loaded');
      expect($$(el, '[part="request"]')).to.have.length(0);
      for (const locale of LOCALES) {
        await setPageLanguage(locale);
        await el.updateComplete;
        await expectAccessible(el);
      }
      s.sandbox.faults.clear();
      $<HTMLButtonElement>(el, '#requests-problem button.retry')!.click();
      await until(() => $$(el, '[part="request"]').length === 1, 'requests after retry');
      await el.updateComplete;
      expect($(el, '#requests-problem')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#requests-heading'));
    } finally {
      s.sandbox.faults.clear();
    }
  });

  it('asks for the change requests alongside the card, not after it', async () => {
    const s = await signedIn('cit_01', { hangMs: 3000 });
    s.sandbox.faults.set({ faults: [{ kind: 'timeout', operations: ['getRationCard'] }] });
    try {
      const el = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
      await until(
        () => (s.sandbox.calls['listChangeRequests'] ?? 0) > 0,
        'change requests asked for',
        1500,
      );
      // The card has not answered yet.
      expect($(el, '[part="status"]')).to.equal(null);
    } finally {
      s.sandbox.faults.clear();
    }
  });

  it('from the data property: shown when given, absent when not, and nothing fetched', async () => {
    await setPageLanguage('en');
    const s = await signedIn('cit_01');
    const card = unwrap(await s.client.rationCard.GET('/card'));
    const { items } = unwrap(await s.client.rationCard.GET('/change-requests'));
    const before = JSON.stringify(s.sandbox.calls);
    const data: RationCardData = { card, changeRequests: items };
    const el = await fixture<IqRationCard>(html`<iq-ration-card .data=${data}></iq-ration-card>`);
    expect($$(el, '[part="request"]')).to.have.length(1);
    el.data = { card };
    await el.updateComplete;
    expect($(el, '[part="requests"]')).to.equal(null);
    el.data = { card, changeRequests: [] };
    await el.updateComplete;
    expect($(el, '[part="requests"] .empty')).to.not.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.stringify(s.sandbox.calls)).to.equal(before);
  });

  it('prints one clean card: members, entitlement and agents; no buttons, history or requests', async () => {
    await setPageLanguage('en');
    const { el } = await cardFor('cit_09');
    expect($(el, '[part="request"]')).to.not.equal(null);
    await emulateMedia({ media: 'print' });
    const display = (selector: string) => getComputedStyle($(el, selector)!).display;
    expect(display('[part="history"]')).to.equal('none');
    expect(display('[part="requests"]')).to.equal('none');
    expect(display('[part="request-change"]')).to.equal('none');
    expect(display('[part="show-older"]')).to.equal('none');
    for (const button of $$(el, 'button'))
      expect(getComputedStyle(button).display).to.equal('none');
    for (const selector of ['[part="members"]', '[part="entitlement"]', '[part="details"]']) {
      expect(display(selector), selector).to.not.equal('none');
      expect($(el, selector)!.getBoundingClientRect().height, selector).to.be.greaterThan(0);
    }
    const members = $$(el, '.member');
    expect(members.length).to.be.greaterThan(0);
    for (const member of members) {
      expect(member.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(getComputedStyle(member).boxShadow).to.equal('none');
      expect(getComputedStyle(member).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    }
    expect(text(el, '[part="details"]')).to.contain('Food agent');
    await emulateMedia({ media: 'screen' });
    expect(display('[part="requests"]')).to.not.equal('none');
    expect(display('[part="history"]')).to.not.equal('none');
  });
});
