import { expect, fixture, html } from '@open-wc/testing';
import '../define/ration-card.js';
import '../define/update-wizard.js';
import type { IqRationCard } from '../ration-card/ration-card.js';
import { until, useSandbox } from '../test/helpers.js';

/** What `console.warn` printed while `work` ran. */
async function warnings(work: (printed: string[]) => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => printed.push(args.map(String).join(' '));
  try {
    await work(printed);
  } finally {
    console.warn = original;
  }
  return printed;
}

// The tests run under the `development` export condition (web-test-runner.config.mjs), as a
// site's dev server does: `#dev` is core/dev.ts, and integrators' mistakes are printed.
// (packages/components/test/dev-warnings.test.ts: production bundles carry none of them.)
describe('integrators’ warnings in development', () => {
  it('an element with no client says so, naming its tag', async () => {
    const printed = await warnings(async () => {
      const card = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
      await until(() => !!card.shadowRoot?.querySelector('[part="problem"]'), 'the problem shows');
    });
    expect(printed.some((w) => w.startsWith('<iq-ration-card>: no client'))).to.equal(true);
  });

  it('an unknown attribute value says which and what is used instead', async () => {
    useSandbox();
    const printed = await warnings(async (so) => {
      await fixture(html`<iq-update-wizard flow="no-such-flow"></iq-update-wizard>`);
      await until(() => so.length > 0, 'a warning');
    });
    expect(printed).to.deep.equal([
      '<iq-update-wizard>: unknown flow "no-such-flow"; using social-protection.',
    ]);
  });
});
