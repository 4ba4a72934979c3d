// The update wizard under a storm (`npm run soak`): each run answers the Mazalati update through
// the real element against the in-page sandbox, with a seeded mix of failed saves (503, dropped
// answers), reloads on a step, another device saving over the draft, and signing out and in
// again, then submits. Counted: answers lost (a change the citizen made that is not in what was
// submitted: must be 0), runs with other than one submission (must be 0), and stuck runs.
import { unwrap } from '@iq-eservices/api';
import { executeServerCommand } from '@web/test-runner-commands';
import { IqLoginEvent, IqLogoutEvent } from '../packages/components/src/login/events.js';
import { setPageLanguage, until } from '../packages/components/src/test/helpers.js';
import {
  $,
  CHANGES,
  atStep,
  attach,
  mount,
  next,
  pdf,
  reach,
  reload,
  signIn,
  signedIn,
  storedRequests,
  text,
  viewOf,
  type Body,
} from '../packages/components/src/update-wizard/test/harness.js';
import { mulberry32, type SoakConfig } from './random.js';

const SAVES = ['createUpdateRequest', 'saveUpdateRequest'];
const ORDER = ['identity', 'residence', 'household', 'income', 'health', 'documents', 'check'];

describe('soak: the update wizard', function () {
  this.timeout(0);

  it('answers survive failed saves, reloads, other devices and signing out: one submission each', async () => {
    const { runs, seed } = await executeServerCommand<SoakConfig, string>('soak-config', 'wizard');
    await setPageLanguage('en');
    const figures = {
      runs: 0,
      changesMade: 0,
      answersLost: 0,
      extraSubmissions: 0,
      submitted: 0,
      stuck: [] as string[],
      disruptions: { failedSave: 0, reload: 0, otherDevice: 0, signOutIn: 0 },
    };
    const started = performance.now();
    for (let run = 0; run < runs; run++) {
      const random = mulberry32(seed + run);
      sessionStorage.clear();
      const setup = await signedIn('cit_01');
      let el = await mount();
      const made: (typeof CHANGES)[number][] = [];
      try {
        for (const change of CHANGES) {
          if (random() < 0.3) continue;
          await reach(el, change.step);
          await change.make(el);
          made.push(change);
          if (random() < 0.25) {
            el = await reload(el);
            figures.disruptions.reload++;
            await atStep(el, change.step);
          }
          const failing = random() < 0.35;
          if (failing) {
            figures.disruptions.failedSave++;
            setup.sandbox.faults.set({
              faults: [{ kind: random() < 0.5 ? 503 : 'drop', operations: SAVES, count: 2 }],
            });
          } else if (random() < 0.15) {
            // Another device saves over the draft: the citizen keeps this device's answers.
            figures.disruptions.otherDevice++;
            // (The wizard may be saving meanwhile: read the version again until the save lands.)
            for (let attempt = 0; attempt < 5; attempt++) {
              const [draft] = storedRequests(setup.sandbox, 'social-protection').filter(
                (d) => d.citizenId === 'cit_01' && d.status === 'draft',
              );
              if (!draft) break;
              const answers = structuredClone(draft.answers) as Partial<Body>;
              if (answers.residence) answers.residence.nearestLandmark = 'من الجهاز الآخر';
              const saved = await setup.client.socialProtection.PUT(
                '/update-requests/{requestId}',
                {
                  params: { path: { requestId: draft.id } },
                  body: {
                    version: draft.version,
                    answers: structuredClone(draft.answers) as never,
                  },
                },
              );
              if (saved.response.ok) break;
            }
          }
          await next(el);
          await until(
            () => viewOf(el) === 'conflict' || $(el, '.root')?.dataset['step'] !== change.step,
            'on to the next step',
          );
          if (viewOf(el) === 'conflict') {
            $<HTMLButtonElement>(el, '.keep-local')!.click();
            await until(() => viewOf(el) === 'step', 'back to the questions');
            await next(el);
          }
          await atStep(el, ORDER[ORDER.indexOf(change.step) + 1]!);
          setup.sandbox.faults.clear();
          if (!failing && random() < 0.1) {
            // Saved: sign out and in again; the draft resumes from the service.
            figures.disruptions.signOutIn++;
            await until(() => text(el, '[part="notice"]') === '', 'saved');
            unwrap(
              await setup.client.identity.DELETE('/session').then((r) => ({ ...r, data: {} })),
            );
            document.dispatchEvent(new IqLogoutEvent('user'));
            await until(() => viewOf(el) === 'signed-out', 'signed out');
            await signIn(setup, 'cit_01');
            const me = unwrap(await setup.client.identity.GET('/me'));
            document.dispatchEvent(new IqLoginEvent(me));
            await until(() => viewOf(el) === 'step' || viewOf(el) === 'check', 'resumed');
          }
        }
        await reach(el, 'documents');
        if (!el.shadowRoot!.querySelector('.document')) await attach(el, 'national-card', pdf());
        await next(el);
        await atStep(el, 'check');
        $<HTMLButtonElement>(el, '[part="submit"]')!.click();
        // A second press, as an impatient citizen does.
        $<HTMLButtonElement>(el, '[part="submit"]')?.click();
        await until(() => viewOf(el) === 'done', 'the confirmation', 20_000);
      } catch (error) {
        figures.stuck.push(`run ${run} (seed ${seed + run}): ${(error as Error).message}`);
      } finally {
        const submitted = storedRequests(setup.sandbox, 'social-protection').filter(
          (d) => d.citizenId === 'cit_01' && d.status === 'submitted',
        );
        figures.submitted += submitted.length;
        if (submitted.length > 1) figures.extraSubmissions += submitted.length - 1;
        figures.changesMade += made.length;
        if (submitted.length === 1) {
          const body = submitted[0]!.answers as Body;
          figures.answersLost += made.filter((c) => c.sent(body) !== c.expected).length;
        }
        figures.runs++;
        setup.sandbox.faults.clear();
        el.remove();
      }
    }
    await executeServerCommand('soak-report', {
      name: 'wizard',
      seconds: Math.round((performance.now() - started) / 100) / 10,
      ...figures,
    });
  });
});
