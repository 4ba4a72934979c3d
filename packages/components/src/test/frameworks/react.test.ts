// @iq-eservices/react in React 19, in Chromium, against the sandbox: the card's data as a prop,
// its `iq-request-change` event as `onIqRequestChange`, pressed with the keyboard, in Arabic.
import { expect } from '@open-wc/testing';
import { createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { IqRationCard } from '@iq-eservices/react/ration-card.js';
import type { RationCardData } from '../../ration-card/events.js';
import { toAsciiDigits } from '../../core/normalize.js';
import { setPageLanguage, until } from '../helpers.js';
import { blockedCard, pressCallToAction, shownCard } from './shared.js';

describe('React 19 (@iq-eservices/react)', function () {
  this.timeout(20000);
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('binds the card’s data as a prop and hears onIqRequestChange (keyboard)', async () => {
    await setPageLanguage('ar');
    const { data, card, calls } = await blockedCard();
    const before = calls();
    function Page({ data }: { data: RationCardData }) {
      const [asked, setAsked] = useState('');
      return createElement(
        'div',
        null,
        createElement(IqRationCard, {
          data,
          onIqRequestChange: (event) => setAsked(event.requestKind ?? 'none'),
        }),
        createElement('p', { id: 'asked' }, asked),
      );
    }
    root.render(createElement(Page, { data }));
    const el = await shownCard(host);
    expect(el.data?.card.cardNumber).to.equal(card.cardNumber);
    expect(el.hasAttribute('data')).to.equal(false);
    expect(toAsciiDigits(el.shadowRoot!.querySelector('.number')!.textContent ?? '')).to.equal(
      card.cardNumber,
    );
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('موقوفة');
    expect(calls()).to.equal(before);
    if (card.status.state !== 'blocked') throw new Error('expected a blocked card');
    const expected = card.status.action.requestKind ?? 'none';
    await pressCallToAction(el);
    await until(() => host.querySelector('#asked')?.textContent === expected, 'React to render');
  });
});
