import { expect } from '@open-wc/testing';
import { setPageLanguage, until } from '../test/helpers.js';
import {
  createdPayments,
  payAtGateway,
  postReturn,
  reach,
  setup,
  submit,
  toReview,
  view,
} from './test/harness.js';

/* The gateway watch (watch.ts): what asks the service while a payment awaits, and how it stops
   and starts again with the element's place in the page. */

describe('iq-payment-form: watching a payment that awaits the gateway', function () {
  this.timeout(30000);

  beforeEach(() => setPageLanguage('en'));
  afterEach(async () => {
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  it('stops asking when the element leaves the page, and asks again when it comes back', async () => {
    const { el, sandbox, nav } = await setup();
    el.pollMs = 50;
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    const calls = () => sandbox.calls['getPayment'] ?? 0;
    await until(() => calls() > 1, 'the polls');
    const parent = el.parentNode!;
    el.remove();
    const left = calls();
    // Neither the polls, the window watch nor a return message ask while it is away.
    nav.windows[0]!.closed = true;
    postReturn(payment!.id);
    await new Promise((r) => setTimeout(r, 700));
    expect(calls()).to.be.at.most(left + 1);
    const away = calls();

    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'approve');
    parent.appendChild(el);
    await until(() => calls() > away, 'a check once back on the page');
    await reach(el, 'receipt');
    expect(view(el)).to.equal('receipt');
  });
});
