// The payment form under a storm of what citizens and networks do (`npm run soak`): each run pays
// one bill through the real element against the in-page sandbox, with a seeded mix of double
// clicks, lost answers, a reload while paying, a closed popup, the return message twice and the
// history's back button, then the gateway's outcome. Counted: double charges (must be 0), bills
// paid more than once, and runs whose outcome the citizen was not shown.
import { html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { setPageLanguage, until } from '../packages/components/src/test/helpers.js';
import {
  $,
  PASSPORT,
  createdPayments,
  mount,
  openedUrl,
  payAtGateway,
  postReturn,
  setup,
  submit,
  toReview,
  view,
} from '../packages/components/src/payment-form/test/harness.js';
import { mulberry32, type SoakConfig } from './random.js';

const OUTCOMES = ['approve', 'decline', 'insufficient-funds', 'cancel', 'timeout'] as const;

describe('soak: payments', function () {
  this.timeout(0);

  it('pays bills through double clicks, lost answers, reloads and closed popups: never twice', async () => {
    const { runs, seed } = await executeServerCommand<SoakConfig, string>(
      'soak-config',
      'payments',
    );
    await setPageLanguage('en');
    const figures = {
      runs: 0,
      doubleCharges: 0,
      paymentsPerRunMax: 0,
      outcomeShown: 0,
      stuck: [] as string[],
      outcomes: {} as Record<string, number>,
      disruptions: {
        doubleClick: 0,
        lostAnswer: 0,
        reload: 0,
        closedPopup: 0,
        twoReturns: 0,
        back: 0,
      },
    };
    const started = performance.now();
    for (let run = 0; run < runs; run++) {
      const random = mulberry32(seed + run);
      const mix = {
        doubleClick: random() < 0.5,
        lostAnswer: random() < 0.3,
        reload: random() < 0.3,
        closedPopup: random() < 0.2,
        twoReturns: random() < 0.3,
        back: random() < 0.2,
      };
      const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
      for (const [k, v] of Object.entries(mix)) if (v) figures.disruptions[k as keyof typeof mix]++;
      sessionStorage.clear();
      const s = await setup('cit_01');
      try {
        await toReview(s.el, [PASSPORT]);
        if (mix.lostAnswer)
          s.sandbox.faults.set({
            faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 2 }],
          });
        submit(s.el);
        if (mix.doubleClick) submit(s.el);
        await until(() => view(s.el) === 'awaiting' || !!$(s.el, '#problem .retry'), 'sent');
        if (view(s.el) !== 'awaiting') {
          $<HTMLButtonElement>(s.el, '#problem .retry')!.click();
          await until(() => view(s.el) === 'awaiting', 'sent after Try again');
        }
        if (mix.reload) {
          s.el.remove();
          s.el = await mount(html`<iq-payment-form></iq-payment-form>`, s.nav);
          await until(() => view(s.el) === 'awaiting', 'resumed after the reload');
        }
        const popup = s.nav.windows.at(-1);
        if (mix.closedPopup && popup) popup.closed = true;
        const payment = createdPayments(s.sandbox)[0]!;
        await payAtGateway(s.sandbox, openedUrl(s.nav), outcome);
        postReturn(payment.id);
        if (mix.twoReturns) postReturn(payment.id);
        if (mix.back) window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
        await until(
          () => view(s.el) === 'receipt' || view(s.el) === 'failure',
          `the outcome (${outcome}) shown`,
          20_000,
        );
        figures.outcomeShown++;
        figures.outcomes[view(s.el)] = (figures.outcomes[view(s.el)] ?? 0) + 1;
      } catch (error) {
        figures.stuck.push(`run ${run} (seed ${seed + run}): ${(error as Error).message}`);
      } finally {
        const payments = createdPayments(s.sandbox).filter((p) => p.payableIds.includes(PASSPORT));
        const charged = payments.filter((p) => p.status === 'succeeded').length;
        if (charged > 1) figures.doubleCharges++;
        figures.paymentsPerRunMax = Math.max(figures.paymentsPerRunMax, payments.length);
        figures.runs++;
        s.el.remove();
      }
    }
    await executeServerCommand('soak-report', {
      name: 'payments',
      seconds: Math.round((performance.now() - started) / 100) / 10,
      ...figures,
    });
  });
});
