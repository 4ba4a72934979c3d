// The Vue sample of docs/frameworks.md, run: a Vue 3 app binds `<iq-ration-card>`'s `data`
// property and listens to its `iq-request-change` event the Vue way, in Arabic.
import { expect } from '@open-wc/testing';
import type * as Vue from 'vue';
import { toAsciiDigits } from '../../core/normalize.js';
import { setPageLanguage } from '../helpers.js';
import { blockedCard, pressCallToAction, shownCard } from './shared.js';

// The full build (with the template compiler), as a page without a build step has it. With Vite,
// `isCustomElement` goes to `@vitejs/plugin-vue`'s `template.compilerOptions` instead.
const { createApp, nextTick, ref } = (await import(
  'vue/dist/vue.esm-browser.prod.js' as string
)) as typeof Vue;

describe('Vue 3', function () {
  this.timeout(20000);
  let host: HTMLElement;
  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => host.remove());

  it('binds the card’s data as a property and hears iq-request-change (keyboard)', async () => {
    await setPageLanguage('ar');
    const { data, card, calls } = await blockedCard();
    const before = calls();
    const asked = ref('');
    const app = createApp({
      setup: () => ({
        data,
        asked,
        onRequestChange: (event: Event & { requestKind?: string | null }) => {
          asked.value = event.requestKind ?? 'none';
        },
      }),
      template: `
        <iq-ration-card :data="data" @iq-request-change="onRequestChange"></iq-ration-card>
        <p id="asked">{{ asked }}</p>`,
    });
    // Tags that start with `iq-` are custom elements, not Vue components.
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('iq-');
    app.mount(host);
    const el = await shownCard(host);
    // A DOM property (Vue sets `data` because the element has it), not an attribute string.
    expect(el.data?.card.cardNumber).to.equal(card.cardNumber);
    expect(el.hasAttribute('data')).to.equal(false);
    expect(toAsciiDigits(el.shadowRoot!.querySelector('.number')!.textContent ?? '')).to.equal(
      card.cardNumber,
    );
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('موقوفة');
    // The card came from the property: no request.
    expect(calls()).to.equal(before);
    await pressCallToAction(el);
    await nextTick();
    if (card.status.state !== 'blocked') throw new Error('expected a blocked card');
    expect(host.querySelector('#asked')!.textContent).to.equal(
      card.status.action.requestKind ?? 'none',
    );
    app.unmount();
  });
});
