import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { unwrap, type DistributionMonth } from '@iq-eservices/api';
import '../define/ration-card.js';
import type { IqRationCard } from './ration-card.js';
import type { IqRequestChangeEvent, RationCardData } from './events.js';
import { LOCALES, expectAccessible, setPageLanguage, signIn, until } from '../test/helpers.js';
import { $, $$, loaded, render, signedIn, text } from './test/harness.js';

async function cardFor(citizenId: string | null, options = {}) {
  const s = await signedIn(citizenId, options);
  const el = await loaded(await render());
  return { ...s, el };
}

function retryButton(el: IqRationCard, container = '#problem'): HTMLButtonElement {
  return $(el, `${container} button.retry`) as HTMLButtonElement;
}

describe('iq-ration-card', function () {
  this.timeout(30000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
    await setPageLanguage('ar');
  });

  describe('an active card', () => {
    beforeEach(() => setPageLanguage('en'));

    it('shows the status quietly, the card, the agents and the members', async () => {
      const s = await signedIn('cit_01');
      const events: Event[] = [];
      document.addEventListener('iq-ration-card-loaded', (e) => events.push(e), { once: true });
      const el = await loaded(await render());
      const household = s.sandbox.state.rationCard.households['cit_01']!;
      expect(text(el, '[part="status"]')).to.contain('Active');
      expect($(el, '[part="status"]')!.getAttribute('role')).to.equal(null);
      expect($(el, '[part="request-change"]')).to.equal(null);
      const number = $(el, '.number')!;
      expect(number.getAttribute('dir')).to.equal('ltr');
      expect(number.textContent).to.equal(household.cardNumber);
      expect(text(el, '[part="details"]')).to.contain('Baghdad');
      expect(text(el, '[part="details"]')).to.contain(household.supplyCentre.name);
      const agent = s.sandbox.state.rationCard.agents[household.foodAgentId]!;
      expect(text(el, '[part="details"]')).to.contain(agent.name);
      if (agent.phone) {
        expect($(el, `a[href="tel:${agent.phone}"]`)).to.not.equal(null);
      }
      expect($$(el, '.member')).to.have.length(household.members.length);
      expect(text(el, '#members-heading')).to.contain(`${household.members.length} members`);
      expect(text(el, '.member')).to.contain('Head of household');
      expect(events).to.have.length(1);
      await expectAccessible(el);
    });

    it('shows the entitlement per item: per person × members = total, with units', async () => {
      const s = await signedIn('cit_01');
      const el = await loaded(await render());
      const entitlement = unwrap(await s.client.rationCard.GET('/card/entitlements'));
      expect(entitlement.items.length).to.be.greaterThan(0);
      for (const item of entitlement.items) {
        const line = text(el, `[part="entitlement"] [data-item="${item.item}"]`);
        const unit = item.unit === 'l' ? 'l' : item.unit;
        expect(line).to.contain(
          `${item.quantityPerPerson} ${unit} per person × ${entitlement.memberCount} = ${item.total} ${unit}`,
        );
      }
      expect(text(el, '[data-item="flour"]')).to.contain('Flour');
    });

    it('shows the entitlement in Arabic with Arabic-Indic digits and Iraqi month names', async () => {
      await setPageLanguage('ar');
      const el = (await cardFor('cit_01')).el;
      expect(text(el, '[data-item="flour"]')).to.match(/[٠-٩]/);
      expect(text(el, '[data-item="flour"]')).to.contain('كغم');
      const months = [
        'كانون',
        'شباط',
        'آذار',
        'نيسان',
        'أيار',
        'حزيران',
        'تموز',
        'آب',
        'أيلول',
        'تشرين',
      ];
      expect(months.some((m) => text(el, '.month h4').includes(m))).to.equal(true);
    });
  });

  describe('a blocked card', () => {
    beforeEach(() => setPageLanguage('en'));
    const cases = [
      ['cit_05', 'not-updated', 'not updated'],
      ['cit_12', 'duplicate', 'another ration card'],
      ['cit_09', 'deceased-member-listed', 'has died'],
      ['cit_18', 'data-mismatch', 'civil registry'],
      ['cit_16', 'abroad', 'outside Iraq'],
    ] as const;
    for (const [citizen, reason, words] of cases) {
      it(`${reason}: leads with the reason and the action button fires iq-request-change`, async () => {
        const s = await signedIn(citizen);
        const el = await loaded(await render());
        const card = unwrap(await s.client.rationCard.GET('/card'));
        if (card.status.state !== 'blocked') throw new Error('expected a blocked card');
        const status = $(el, '[part="status"]')!;
        // The status comes before the card's details.
        expect(
          status.compareDocumentPosition($(el, '[part="details"]')!) &
            Node.DOCUMENT_POSITION_FOLLOWING,
        ).to.not.equal(0);
        expect(text(el, '[part="status"]')).to.contain('blocked');
        expect(text(el, '[part="status"] .reason')).to.contain(words);
        const heard: IqRequestChangeEvent[] = [];
        el.addEventListener('iq-request-change', (e) => heard.push(e));
        $(el, '[part="request-change"]')!.click();
        expect(heard).to.have.length(1);
        expect(heard[0]!.reasonCode).to.equal(reason);
        expect(heard[0]!.requestKind).to.equal(card.status.action.requestKind);
        expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
        if (reason === 'deceased-member-listed') {
          expect(heard[0]!.requestKind).to.equal('remove-deceased-member');
        }
      });
    }
  });

  describe('members', () => {
    it('counts them with the plural forms of the language', async () => {
      await setPageLanguage('en');
      const one = (await cardFor('cit_14')).el;
      const twelve = (await cardFor('cit_15')).el;
      expect($$(one, '.member')).to.have.length(1);
      expect($$(twelve, '.member')).to.have.length(12);
      expect(text(one, '#members-heading .count')).to.equal('(One member)');
      expect(text(twelve, '#members-heading .count')).to.equal('(12 members)');
      await setPageLanguage('ar');
      await one.updateComplete;
      await twelve.updateComplete;
      const arOne = text(one, '#members-heading .count');
      const arTwelve = text(twelve, '#members-heading .count');
      expect(arOne).to.not.equal('(One member)');
      expect(arTwelve).to.contain('١٢');
      expect(arOne.replace(/[٠-٩0-9]/g, '')).to.not.equal(arTwelve.replace(/[٠-٩0-9]/g, ''));
    });
  });

  describe('distribution history', () => {
    beforeEach(() => setPageLanguage('en'));

    it('shows 12 months, then "show older" loads more without duplicates', async () => {
      const s = await signedIn('cit_01');
      const el = await loaded(await render());
      expect($$(el, '.month')).to.have.length(12);
      const total = s.sandbox.state.rationCard.households['cit_01']!.distributions.length;
      expect(total).to.be.greaterThan(12);
      let shown = 12;
      while ($(el, '[part="show-older"]')) {
        $(el, '[part="show-older"]')!.click();
        await until(() => $$(el, '.month').length > shown, 'older months');
        shown = $$(el, '.month').length;
        await el.updateComplete;
        // Focus moves to the first month that appeared.
        expect(el.shadowRoot!.activeElement?.tagName).to.equal('H4');
      }
      const ids = $$(el, '.month h4').map((h) => h.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.have.length(total);
      const sorted = [...ids].sort().reverse();
      expect(ids).to.deep.equal(sorted);
    });

    it('a failed page of older months keeps what was shown and its retry resumes', async () => {
      const s = await signedIn('cit_01');
      const el = await loaded(await render());
      s.sandbox.faults.set({ faults: [{ kind: 503, operations: ['listRationDistributions'] }] });
      $(el, '[part="show-older"]')!.click();
      await until(() => !!$(el, '#history-problem'), 'history problem');
      expect($$(el, '.month')).to.have.length(12);
      s.sandbox.faults.clear();
      retryButton(el, '#history-problem').click();
      await until(() => $$(el, '.month').length > 12, 'older months');
      const ids = $$(el, '.month h4').map((h) => h.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.have.length(24);
    });

    it('a household with no distributions shows an empty state', async () => {
      const el = (await cardFor('cit_22')).el;
      expect($$(el, '.month')).to.have.length(0);
      expect(text(el, '[part="history"] .empty')).to.contain('No distributions');
      expect($(el, '[part="show-older"]')).to.equal(null);
    });
  });

  describe('the data property', () => {
    it('renders what it is given and makes no request', async () => {
      await setPageLanguage('en');
      const s = await signedIn('cit_01');
      const card = unwrap(await s.client.rationCard.GET('/card'));
      const entitlement = unwrap(await s.client.rationCard.GET('/card/entitlements'));
      const page = unwrap(await s.client.rationCard.GET('/card/distributions'));
      const distributions: DistributionMonth[] = page.items.slice(0, 3);
      const data: RationCardData = { card, entitlement, distributions };
      const before = JSON.stringify(s.sandbox.calls);
      const el = await fixture<IqRationCard>(html`<iq-ration-card .data=${data}></iq-ration-card>`);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(JSON.stringify(s.sandbox.calls)).to.equal(before);
      expect($(el, '.number')!.textContent).to.equal(card.cardNumber);
      expect($$(el, '.month')).to.have.length(3);
      expect($(el, '[data-item="flour"]')).to.not.equal(null);
      el.refresh();
      await new Promise((r) => setTimeout(r, 50));
      expect(JSON.stringify(s.sandbox.calls)).to.equal(before);
    });
  });

  describe('failures', () => {
    beforeEach(() => setPageLanguage('en'));

    for (const [name, kind] of [
      ['a 5xx', 503],
      ['a timeout', 'timeout'],
      ['a dropped connection', 'drop'],
    ] as const) {
      it(`${name}: an error state whose retry works and keeps what was shown`, async () => {
        const s = await signedIn('cit_01', { hangMs: 3000 });
        const errors: Event[] = [];
        document.addEventListener('iq-error', (e) => errors.push(e));
        try {
          const el = await loaded(await render());
          const number = $(el, '.number')!.textContent;
          s.sandbox.faults.set({ faults: [{ kind, operations: ['getRationCard'] }] });
          await el.refresh();
          await el.updateComplete;
          expect($(el, '#problem')).to.not.equal(null);
          expect(text(el, '#problem')).to.contain('out of date');
          expect(el.shadowRoot!.activeElement).to.equal($(el, '#problem'));
          expect($(el, '.number')!.textContent).to.equal(number);
          expect(errors.length).to.be.greaterThan(0);
          s.sandbox.faults.clear();
          retryButton(el).click();
          await until(() => !$(el, '#problem'), 'problem gone');
          expect($(el, '.number')!.textContent).to.equal(number);
        } finally {
          s.sandbox.faults.clear();
        }
      });
    }

    it('a first load that fails shows the error, and retry loads the card', async () => {
      const t = await signedIn('cit_01');
      t.sandbox.faults.set({ faults: [{ kind: 500, operations: ['getRationCard'] }] });
      const el = await loaded(await render());
      expect($(el, '#problem')).to.not.equal(null);
      expect($(el, '.number')).to.equal(null);
      t.sandbox.faults.clear();
      retryButton(el).click();
      await until(() => !!$(el, '.number'), 'card');
      expect($(el, '#problem')).to.equal(null);
    });

    it('not signed in (401): a clear message and iq-auth-required', async () => {
      await signedIn(null);
      const heard: Event[] = [];
      document.addEventListener('iq-auth-required', (e) => heard.push(e), { once: true });
      const el = await loaded(await render());
      expect(text(el, '#problem')).to.contain('Sign in');
      expect(retryButton(el)).to.equal(null);
      expect(heard).to.have.length(1);
    });
  });

  describe('kept hidden by the host', () => {
    it('fetches nothing (no 401 before sign-in) until it is shown, then loads the card', async () => {
      const s = await signedIn(null);
      const heard: Event[] = [];
      const listen = (e: Event) => heard.push(e);
      document.addEventListener('iq-auth-required', listen);
      try {
        const page = await fixture<HTMLElement>(
          html`<div>
            <iq-ration-card hidden></iq-ration-card><iq-ration-card></iq-ration-card>
          </div>`,
        );
        const [el, shown] = [...page.querySelectorAll<IqRationCard>('iq-ration-card')] as [
          IqRationCard,
          IqRationCard,
        ];
        // The card on show asks, is told to sign in: by then the hidden one would have asked too.
        await loaded(shown);
        expect(getComputedStyle(el).display).to.equal('none');
        // The 401s are the shown card's: the hidden one asked nothing.
        const fromHidden = () => heard.filter((e) => e.composedPath().includes(el)).length;
        expect(heard.length).to.be.greaterThan(0);
        expect(fromHidden()).to.equal(0);
        shown.remove();
        // The citizen signs in; the host shows the card.
        await signIn(s, 'cit_01');
        el.hidden = false;
        await loaded(el);
        expect(el.hasAttribute('hidden')).to.equal(false);
        expect($(el, '[part="status"]')).to.not.equal(null);
        expect(s.sandbox.calls['getRationCard']).to.equal(1);
        expect(fromHidden()).to.equal(0);
      } finally {
        document.removeEventListener('iq-auth-required', listen);
      }
    });
  });

  describe('hostile server data', () => {
    it('renders as inert text, without bidirectional overrides', async () => {
      await setPageLanguage('en');
      const s = await signedIn('cit_01');
      const w = window as unknown as { __pwned?: number };
      delete w.__pwned;
      const household = s.sandbox.state.rationCard.households['cit_01']!;
      const payload = '<img src=x onerror=window.__pwned=1>';
      household.members[0]!.name = payload;
      household.members[1]!.name = 'abc\u202Edef';
      const el = await loaded(await render());
      await new Promise((r) => setTimeout(r, 100));
      expect(w.__pwned).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(text(el, '[part="members"]')).to.contain(payload);
      expect(text(el, '[part="details"]')).to.contain(payload);
      expect(el.shadowRoot!.textContent).to.not.match(/[\u202a-\u202e\u2066-\u2069]/);
      expect(text(el, '[part="members"]')).to.contain('abcdef');
    });
    it('5 000-character names and missing optional fields render without breaking the layout', async () => {
      await setPageLanguage('ar');
      await setViewport({ width: 320, height: 640 });
      const s = await signedIn('cit_01');
      const card = unwrap(await s.client.rationCard.GET('/card'));
      const long = 'عبد'.repeat(1667);
      const data = {
        card: {
          ...card,
          headOfHousehold: { ...card.headOfHousehold, name: long },
          members: card.members.map((m, i) => (i === 0 ? { ...m, name: long } : m)),
          foodAgent: { id: card.foodAgent.id, name: long, address: card.foodAgent.address },
          flourAgent: {
            id: card.flourAgent.id,
            name: card.flourAgent.name,
            address: card.flourAgent.address,
          },
        },
      } as RationCardData;
      const el = await fixture<IqRationCard>(html`<iq-ration-card .data=${data}></iq-ration-card>`);
      await el.updateComplete;
      expect(text(el, '[part="members"]')).to.contain(long);
      expect($(el, '[part="details"] a[href^="tel:"]'), 'no phone link without a phone').to.equal(
        null,
      );
      expect(
        $(el, '[part="entitlement"]') === null || text(el, '[part="entitlement"]') !== '',
        'no entitlement given: nothing broken',
      ).to.equal(true);
      expect(document.documentElement.scrollWidth <= 320, 'no horizontal overflow').to.equal(true);
      expect(el.getBoundingClientRect().width <= 320).to.equal(true);
    });
  });

  describe('full national numbers', () => {
    it('stay masked unless the host allows the control; shown on request, hidden again, never cached', async () => {
      await setPageLanguage('en');
      const s = await signedIn('cit_01');
      const plain = await loaded(await render());
      expect($$(plain, '[part="reveal"]')).to.have.length(0);
      const el = await loaded(
        await fixture<IqRationCard>(html`<iq-ration-card allow-reveal></iq-ration-card>`),
      );
      const member = s.sandbox.state.rationCard.households['cit_01']!.members[1]!;
      const button = $$(el, '[part="reveal"]')[1]!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(text(el, '[part="members"]')).to.not.contain(member.nationalId);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(
        () => text(el, '[part="members"]').includes(member.nationalId),
        'the full number',
      );
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(s.sandbox.calls['revealMemberNationalId']).to.equal(1);
      await sendKeys({ press: 'Enter' });
      await until(() => !text(el, '[part="members"]').includes(member.nationalId), 'hidden again');
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).to.not.contain(
        member.nationalId,
      );
      await expectAccessible(el);
    });
  });

  describe('keyboard', () => {
    it('reaches every control with Tab and works them with Enter', async () => {
      await setPageLanguage('en');
      await signedIn('cit_05');
      const requested: IqRequestChangeEvent[] = [];
      document.addEventListener('iq-request-change', (e) => requested.push(e), { once: true });
      const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
      const el = await loaded(await render());
      await until(() => !!$(el, '[part="show-older"]'), 'show older');
      before.focus();
      const reached: string[] = [];
      for (let i = 0; i < 30 && reached.length < 20; i++) {
        await sendKeys({ press: 'Tab' });
        const active = el.shadowRoot!.activeElement as HTMLElement | null;
        if (!active) break;
        reached.push(active.getAttribute('part') ?? active.localName);
        if (active.getAttribute('part') === 'request-change') {
          await sendKeys({ press: 'Enter' });
          expect(requested).to.have.length(1);
        }
        if (active.getAttribute('part') === 'show-older') {
          const months = $$(el, '.month').length;
          await sendKeys({ press: 'Enter' });
          await until(() => $$(el, '.month').length > months, 'older months by keyboard');
          break;
        }
      }
      expect(reached).to.include('request-change');
      expect(reached).to.include('show-older');
    });
  });

  describe('loading', () => {
    it('the skeleton takes the final layout: the card does not jump when data arrives', async () => {
      await setPageLanguage('en');
      const s = await signedIn('cit_01');
      s.sandbox.faults.set({ latencyMs: 300 });
      const el = await render();
      await until(() => !!$(el, '.skeleton'), 'skeleton');
      expect(
        el.getAttribute('aria-busy') === 'true' || !!$(el, '[aria-busy="true"]'),
        'busy while loading',
      ).to.equal(true);
      const heading = $(el, '[part="heading"]');
      const headingTop = heading?.getBoundingClientRect().top;
      const width = el.getBoundingClientRect().width;
      await loaded(el);
      expect(el.getBoundingClientRect().width).to.equal(width);
      expect(heading !== null, 'the heading is there while loading').to.equal(true);
      const after = $(el, '[part="heading"]')!.getBoundingClientRect().top;
      expect(Math.abs(after - headingTop!) < 1, 'heading stays put').to.equal(true);
    });
  });

  describe('accessibility (WCAG 2.2 AA) in every language', () => {
    for (const locale of LOCALES) {
      it(`${locale}: active, blocked, loading and error states`, async () => {
        await setPageLanguage(locale);
        await expectAccessible((await cardFor('cit_01')).el);
        await expectAccessible((await cardFor('cit_09')).el);

        const slow = await signedIn('cit_01');
        slow.sandbox.faults.set({ latencyMs: 1500 });
        const loading = await render();
        await until(() => !!$(loading, '.skeleton'), 'skeleton');
        expect($(loading, 'article')!.getAttribute('aria-busy')).to.equal('true');
        await expectAccessible(loading);
        await loaded(loading);
        expect($(loading, 'article')!.getAttribute('aria-busy')).to.equal('false');

        const failing = await signedIn('cit_01');
        failing.sandbox.faults.set({ faults: [{ kind: 503, operations: ['getRationCard'] }] });
        const error = await loaded(await render());
        expect($(error, '#problem')).to.not.equal(null);
        await expectAccessible(error);
      });
    }
  });

  describe('layout', () => {
    for (const locale of ['ar', 'en'] as const) {
      it(`${locale}: fits 320 px without horizontal overflow, headings at the inline start`, async () => {
        await setPageLanguage(locale);
        await setViewport({ width: 320, height: 640 });
        const el = (await cardFor('cit_09')).el;
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        const host = el.getBoundingClientRect();
        for (const node of $$(el, '*')) {
          const r = node.getBoundingClientRect();
          if (r.width === 0) continue;
          expect(r.right, node.className || node.tagName).to.be.at.most(host.right + 1);
          expect(r.left, node.className || node.tagName).to.be.at.least(host.left - 1);
        }
        const heading = $(el, '#heading')!.getBoundingClientRect();
        const button = $(el, '[part="request-change"]')!.getBoundingClientRect();
        if (locale === 'ar') {
          expect(Math.abs(heading.right - host.right)).to.be.below(2);
          expect(button.right).to.be.greaterThan(host.right - 40);
        } else {
          expect(Math.abs(heading.left - host.left)).to.be.below(2);
          expect(button.left).to.be.below(host.left + 40);
        }
        expect(button.height).to.be.at.least(44);
      });
    }

    it('prints without buttons', async () => {
      await setPageLanguage('en');
      const el = (await cardFor('cit_09')).el;
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(el, '[part="request-change"]')!).display).to.equal('none');
      expect(getComputedStyle($(el, '[part="show-older"]')!).display).to.equal('none');
    });

    it('prints the largest household (12 members) on one A4 page, in Arabic', async () => {
      await setPageLanguage('ar');
      // An A4 page at 96 dpi is 794 × 1123 px; browsers' default print margins take about 76 px.
      await setViewport({ width: 718, height: 1047 });
      const el = (await cardFor('cit_15')).el;
      await emulateMedia({ media: 'print' });
      await el.updateComplete;
      expect($$(el, '.member')).to.have.length(12);
      const height = el.getBoundingClientRect().height;
      expect(height <= 1047, `printed card is ${Math.round(height)} px tall`).to.equal(true);
    });
  });
});
