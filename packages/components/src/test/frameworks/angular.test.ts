// The Angular sample of docs/frameworks.md, run: a standalone Angular component with
// `CUSTOM_ELEMENTS_SCHEMA` binds `<iq-ration-card>`'s `data` property and listens to its
// `iq-request-change` event the Angular way, in Arabic. (Compiled in the page: JIT, as
// `@angular/compiler` does when an app is not built ahead of time.)
import '@angular/compiler';
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  provideZonelessChangeDetection,
  signal,
  type ApplicationRef,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import type { RationCardData } from '../../ration-card/events.js';
import { toAsciiDigits } from '../../core/normalize.js';
import { setPageLanguage, until } from '../helpers.js';
import { blockedCard, pressCallToAction, shownCard } from './shared.js';

describe('Angular', function () {
  this.timeout(20000);
  let app: ApplicationRef | undefined;
  afterEach(() => {
    app?.destroy();
    document.querySelector('ministry-card-page')?.remove();
  });

  it('binds the card’s data as a property and hears iq-request-change (keyboard)', async () => {
    await setPageLanguage('ar');
    const { data, card, calls } = await blockedCard();
    const before = calls();

    const CardPage = Component({
      selector: 'ministry-card-page',
      // Lets Angular templates use the library's tags (and bind their properties and events).
      schemas: [CUSTOM_ELEMENTS_SCHEMA],
      template: `
        <iq-ration-card [data]="data" (iq-request-change)="onRequestChange($event)"></iq-ration-card>
        <p id="asked">{{ asked() }}</p>`,
    })(
      class {
        readonly data: RationCardData = data;
        readonly asked = signal('');
        onRequestChange(event: Event & { requestKind?: string | null }): void {
          this.asked.set(event.requestKind ?? 'none');
        }
      },
    );
    const host = document.body.appendChild(document.createElement('ministry-card-page'));
    app = await bootstrapApplication(CardPage, {
      providers: [provideZonelessChangeDetection()],
    });
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
    // Angular renders the signal's new value on its next change detection.
    await until(() => host.querySelector('#asked')?.textContent === expected, 'Angular to render');
  });
});
