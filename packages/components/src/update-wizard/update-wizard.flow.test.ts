import { expect } from '@open-wc/testing';
import { unwrap } from '@iq-eservices/api';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { IqStepChangeEvent, IqSubmittedEvent } from './events.js';
import type { IqUpdateWizard } from './update-wizard.js';
import { setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  $$,
  atStep,
  attach,
  choose,
  fill,
  iqKeys,
  focused,
  latin,
  mount,
  next,
  pdf,
  signedIn,
  stepOf,
  storedRequests,
  tabTo,
  text,
  valueOf,
  viewOf,
} from './test/harness.js';

/** Types into the focused control as a citizen does. */
async function type(value: string) {
  await sendKeys({ type: value });
}

const isField = (id: string) => (e: Element) =>
  e.id === `f-${id}` || (e.getRootNode() as ShadowRoot).host?.id === `f-${id}`;

describe('iq-update-wizard: flows end to end', function () {
  this.timeout(60000);

  afterEach(async () => {
    sessionStorage.clear();
    await setViewport({ width: 800, height: 640 });
    await setPageLanguage('ar');
  });

  it('social protection, keyboard only: every step, check answers, one submission, confirmation, status', async () => {
    await setPageLanguage('en');
    // Nothing may reach the console (national numbers least of all).
    const logged: unknown[] = [];
    const sink = globalThis.console as unknown as Record<string, (...args: unknown[]) => void>;
    const originals = { ...sink };
    for (const name of ['log', 'info', 'debug', 'warn', 'error'])
      sink[name] = (...args: unknown[]) => logged.push(args);
    after(() => Object.assign(sink, originals));
    const { sandbox } = await signedIn('cit_01');
    const steps: IqStepChangeEvent[] = [];
    const submitted: IqSubmittedEvent[] = [];
    const el = await mount('social-protection');
    el.addEventListener('iq-step-change', (e) => steps.push(e));
    el.addEventListener('iq-submitted', (e) => submitted.push(e));
    await atStep(el, 'identity');
    expect(text(el, '[part="progress"]')).to.equal('Step 1 of 7');
    expect(focused(el)?.id).to.equal('heading');
    expect(text(el, '.identity')).to.contain('Ali Hussein');

    // Identity: Continue with the keyboard.
    await tabTo(el, (e) => e.getAttribute('part') === 'continue', 'Continue');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'residence');
    expect(text(el, '[part="progress"]')).to.equal('Step 2 of 7');
    await until(() => text(el, '[role="status"]') === 'Saved.', 'announced politely');
    expect($(el, '[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
    expect(focused(el)?.id, 'focus on the new heading').to.equal('heading');

    // Residence: prefilled; change the landmark by typing.
    await tabTo(el, isField('landmark'), 'landmark');
    await sendKeys({ press: 'Control+a' });
    await type('قرب مدرسة النور');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'household');

    // Household: add a newborn with the keyboard.
    const before = $$(el, '.member').length;
    await tabTo(el, (e) => e.classList.contains('add-member'), 'Add a member');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'member-heading', 'member form');
    await tabTo(el, isField('m-name'), 'name');
    await type('مريم علي حسين');
    await tabTo(el, isField('m-relation'), 'relation');
    // A closed select takes the first letters of an option.
    await type('Daughter');
    await tabTo(el, isField('m-birthDate'), 'birth date');
    await type('2026-10-30');
    await tabTo(el, isField('m-sex'), 'sex');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(el, isField('m-nationalId'), 'national number');
    await type('202610301234');
    await tabTo(el, (e) => e.textContent?.trim() === 'Save this member', 'Save this member');
    await sendKeys({ press: 'Enter' });
    await until(
      () => $$(el, '.member').length === before + 1,
      `one more member (${text(el, '[part="error-summary"]')}|${valueOf(el, 'm-relation')}|${valueOf(el, 'm-sex')})`,
    );
    expect(text(el, '#f-members')).to.equal(`${before + 1} members in the list`);
    await tabTo(el, (e) => e.getAttribute('part') === 'continue', 'Continue');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'income');
    await sendKeys({ press: 'Enter' }).catch(() => undefined);
    await tabTo(el, (e) => e.getAttribute('part') === 'continue', 'Continue');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'health');
    await tabTo(el, (e) => e.getAttribute('part') === 'continue', 'Continue');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'documents');

    // Documents: the file itself comes from the system's picker.
    await attach(el, 'national-card', pdf());
    await attach(el, 'birth-certificate', pdf('شهادة الميلاد.pdf'));
    expect($$(el, '.document').length).to.equal(2);
    await tabTo(el, (e) => e.getAttribute('part') === 'continue', 'Continue');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'check');
    expect(text(el, '[part="progress"]')).to.equal('Step 7 of 7');
    const answers = text(el, '[part="answers"]');
    expect(answers).to.contain('قرب مدرسة النور');
    expect(answers).to.contain('Changed');
    expect(answers).to.contain('Was:');

    // Change from check answers returns to check answers.
    const changeIncome = $$<HTMLButtonElement>(el, '[part="change"]').find((b) =>
      b.textContent?.includes('monthly income'),
    )!;
    changeIncome.focus();
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'income');
    await tabTo(el, isField('monthlyIncome'), 'income');
    await sendKeys({ press: 'Control+a' });
    await type('250000');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'check');

    await tabTo(el, (e) => e.getAttribute('part') === 'submit', 'Send');
    await sendKeys({ press: 'Enter' });
    await until(() => viewOf(el) === 'done', 'confirmation');
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('heading');
    const reference = text(el, '[part="reference"]');
    expect(reference).to.match(/^MZL-\d{4}-\d{6}$/);
    expect(submitted.length).to.equal(1);
    expect(submitted[0]!.referenceNumber).to.equal(reference);

    // What the ministry received is what was typed.
    const stored = storedRequests(sandbox, 'social-protection').filter(
      (d) => d.status === 'submitted' && d.citizenId === 'cit_01',
    );
    expect(stored.length).to.equal(1);
    const body = stored[0]!.answers as {
      residence: { nearestLandmark: string };
      income: { monthlyIncome: number };
      household: { members: { name: string; nationalId?: string; birthDate: string }[] };
    };
    expect(body.residence.nearestLandmark).to.equal('قرب مدرسة النور');
    expect(body.income.monthlyIncome).to.equal(250000);
    const newborn = body.household.members.find((m) => m.name === 'مريم علي حسين')!;
    expect(newborn.nationalId).to.equal('202610301234');
    expect(newborn.birthDate).to.equal('2026-10-30');
    expect(sandbox.calls['submitUpdateRequest']).to.equal(1);
    // The local copy is gone after submission; the tab keeps only whose data it would be.
    expect(iqKeys()).to.deep.equal(['iq-citizen']);
    expect(JSON.stringify({ ...sessionStorage })).not.to.contain('202610301234');
    expect(JSON.stringify({ ...localStorage })).not.to.contain('202610301234');
    expect(location.href).not.to.contain('202610301234');
    expect(JSON.stringify(history.state)).not.to.contain('202610301234');

    // Status by reference number.
    $<HTMLButtonElement>(el, '.panel ~ button')!.click();
    await until(() => viewOf(el) === 'status', 'status view');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await until(() => !!$(el, '[part="status"]'), 'status shown');
    expect(text(el, '[part="status"]')).to.contain('Received');
    expect(steps.map((s) => s.step)).to.include.members(['residence', 'household', 'check']);
    Object.assign(sink, originals);
    expect(JSON.stringify(logged)).not.to.contain('202610301234');
    expect(logged.length, 'nothing logged').to.equal(0);
    const household = steps.find((s) => s.step === 'household')!;
    expect([household.index, household.count]).to.deep.equal([2, 7]);
    expect(sandbox.violations).to.deep.equal([]);
  });

  it('ration card, add a newborn: which change, the questions, the certificate, one submission', async () => {
    await setPageLanguage('en');
    const { sandbox } = await signedIn('cit_01');
    const el = await mount('ration-card-family');
    await atStep(el, 'kind');
    expect(text(el, '[part="progress"]')).to.equal('Step 1 of 4');
    await tabTo(el, isField('kind'), 'kind');
    await sendKeys({ press: 'Space' });
    expect(valueOf(el, 'kind')).to.equal('add-newborn');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'newborn');
    expect(text(el, '[part="progress"]')).to.equal('Step 2 of 4');
    await tabTo(el, isField('newbornName'), 'name');
    await type('زينب علي حسين');
    await tabTo(el, isField('newbornBirthDate'), 'birth date');
    await type('2026-11-01');
    await tabTo(el, isField('newbornSex'), 'sex');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(el, isField('newbornRelation'), 'relation');
    await type('Daughter');
    await tabTo(el, (e) => e.getAttribute('part') === 'continue', 'Continue');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'documents');
    await attach(el, 'birth-certificate', pdf('شهادة ميلاد زينب.pdf'));
    await next(el);
    await atStep(el, 'check');
    expect(text(el, '[part="answers"]')).to.contain('زينب علي حسين');
    await tabTo(el, (e) => e.getAttribute('part') === 'submit', 'Send');
    await sendKeys({ press: 'Enter' });
    await until(() => viewOf(el) === 'done', 'confirmation');
    expect(text(el, '[part="reference"]')).to.match(/^RC-\d{4}-\d{6}$/);
    const submitted = storedRequests(sandbox, 'ration-card-family').filter(
      (d) =>
        d.status === 'submitted' &&
        d.citizenId === 'cit_01' &&
        d.kind === 'add-newborn' &&
        d.submittedAt?.startsWith('20') &&
        d.id.startsWith('rcr_0'),
    );
    expect(submitted.length).to.equal(1);
    expect(submitted[0]!.answers).to.deep.equal({
      newborn: {
        name: 'زينب علي حسين',
        birthDate: '2026-11-01',
        sex: 'female',
        relation: 'daughter',
      },
    });
    expect(sandbox.violations).to.deep.equal([]);
  });

  it('ration card with kind="remove-deceased-member": the member from the card, the date, the certificate', async () => {
    const { sandbox } = await signedIn('cit_01');
    const el = await mount('ration-card-family', 'remove-deceased-member');
    await atStep(el, 'deceased');
    expect(stepOf(el)).to.equal('deceased');
    const options = $$<HTMLInputElement>(el, 'input[name="f-deceasedMemberId"]');
    expect(options.length, 'every member but the head').to.be.greaterThan(0);
    await choose(el, 'deceasedMemberId', options[options.length - 1]!.value);
    await fill(el, 'dateOfDeath', '2026-06-01');
    await next(el);
    await atStep(el, 'documents');
    await attach(el, 'death-certificate', pdf('شهادة الوفاة.pdf'));
    await next(el);
    await atStep(el, 'check');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await until(() => viewOf(el) === 'done', 'confirmation');
    const submitted = storedRequests(sandbox, 'ration-card-family').filter(
      (d) =>
        d.status === 'submitted' && d.kind === 'remove-deceased-member' && d.citizenId === 'cit_01',
    );
    expect(submitted.length).to.equal(1);
    expect(submitted[0]!.answers['dateOfDeath']).to.equal('2026-06-01');
    expect(sandbox.violations).to.deep.equal([]);
  });

  it('Back never loses answers, and the browser back button moves between steps', async () => {
    await signedIn('cit_01');
    const el = await mount('social-protection');
    await atStep(el, 'identity');
    await next(el);
    await atStep(el, 'residence');
    await fill(el, 'locality', 'حي الجامعة');
    await next(el);
    await atStep(el, 'household');
    expect(history.state?.step).to.equal('household');
    expect(JSON.stringify(history.state)).not.to.contain('حي الجامعة');
    expect(location.href).not.to.contain('household');
    history.back();
    await atStep(el, 'residence');
    expect(valueOf(el, 'locality')).to.equal('حي الجامعة');
    $<HTMLButtonElement>(el, '[part="back"]')!.click();
    await atStep(el, 'identity');
    history.back();
    await atStep(el, 'residence');
    expect(valueOf(el, 'locality')).to.equal('حي الجامعة');
  });

  it('a host-given step list replaces the questions; the flow still saves and submits them', async () => {
    const { sandbox } = await signedIn('cit_01');
    const el = document.createElement('iq-update-wizard');
    el.steps = [
      {
        id: 'contact-only',
        title: () => 'Your mobile number',
        fields: [{ id: 'phone', kind: 'phone', label: () => 'Mobile number' }],
      },
    ];
    document.body.append(el);
    try {
      await atStep(el, 'contact-only');
      expect(latin(text(el, '[part="progress"]'))).to.match(/1 .* 3$/);
      await fill(el, 'phone', '0780 111 2233');
      await next(el);
      await atStep(el, 'documents');
      const [draft] = storedRequests(sandbox, 'social-protection').filter(
        (d) => d.citizenId === 'cit_01' && d.status === 'draft',
      );
      expect((draft!.answers as { contact: { phone: string } }).contact.phone).to.equal(
        '+9647801112233',
      );
    } finally {
      el.remove();
    }
  });

  it('the district is enabled once a governorate is chosen', async () => {
    await signedIn('cit_01');
    const el = await mount('ration-card-family', 'change-address');
    await atStep(el, 'address');
    const district = () => $<HTMLInputElement>(el, '#f-district')!;
    expect(district().disabled).to.equal(true);
    expect(text(el, '#f-district-hint')).not.to.equal('');
    await fill(el, 'governorate', 'IQ-BA');
    expect(district().disabled).to.equal(false);
    await fill(el, 'district', 'قضاء الزبير');
    await fill(el, 'locality', 'حي الشهداء');
    await next(el);
    await atStep(el, 'documents');
    expect(text(el, '.needs')).not.to.equal('');
  });

  it('a record given by the host is not fetched, and answers start from it', async () => {
    const { sandbox, client } = await signedIn('cit_01');
    const record = unwrap(await client.socialProtection.GET('/profile'));
    const before = sandbox.calls['getBeneficiaryProfile'] ?? 0;
    const el = document.createElement('iq-update-wizard');
    el.record = { ...record, residence: { ...record.residence, nearestLandmark: 'من المضيف' } };
    document.body.append(el);
    try {
      await atStep(el, 'identity');
      await next(el);
      await atStep(el, 'residence');
      expect(valueOf(el, 'landmark')).to.equal('من المضيف');
      expect(sandbox.calls['getBeneficiaryProfile'] ?? 0).to.equal(before);
    } finally {
      el.remove();
    }
  });

  it("reset() forgets this tab's copy; the draft saved on the service is resumed", async () => {
    const { client } = await signedIn('cit_01');
    const onFile = unwrap(await client.socialProtection.GET('/profile')).residence.nearestLandmark;
    const el = await mount();
    await next(el);
    await atStep(el, 'residence');
    await fill(el, 'landmark', 'لم يُحفظ بعد');
    el.reset();
    expect(sessionStorage.getItem('iq-update-wizard:social-protection')).to.equal(null);
    // Resumed from the service, at the step it recorded with the last save.
    await until(
      () => sessionStorage.getItem('iq-update-wizard:social-protection') !== null,
      'resumed from the service',
    );
    await atStep(el, 'residence');
    const local = JSON.parse(sessionStorage.getItem('iq-update-wizard:social-protection')!);
    expect(local.answers.landmark).to.equal(onFile);
  });

  const OTHER_CHANGES = [
    {
      kind: 'change-address',
      step: 'address',
      answer: async (el: IqUpdateWizard) => {
        await fill(el, 'governorate', 'IQ-BA');
        await fill(el, 'district', 'قضاء الزبير');
        await fill(el, 'locality', 'حي الشهداء');
      },
      document: 'residence-card',
      sent: {
        newAddress: { governorate: 'IQ-BA', district: 'قضاء الزبير', locality: 'حي الشهداء' },
      },
    },
    {
      kind: 'change-agent',
      step: 'agent',
      answer: async (el: IqUpdateWizard) => {
        await choose(el, 'agentType', 'food');
        await until(() => !!$(el, '#f-newAgentId option[value="agt_bg_f2"]'), 'the agents');
        await fill(el, 'newAgentId', 'agt_bg_f2');
      },
      document: null,
      sent: { agentType: 'food', newAgentId: 'agt_bg_f2' },
    },
  ];
  it("ration card, change-agent: a list of the governorate's agents of the chosen type, not the current one", async () => {
    const { sandbox } = await signedIn('cit_01');
    const el = await mount('ration-card-family', 'change-agent');
    await atStep(el, 'agent');
    const agentSelect = () => $<HTMLSelectElement>(el, '#f-newAgentId')!;
    expect(agentSelect().disabled).to.equal(true);
    const card = sandbox.state.rationCard.households['cit_01']!;
    for (const type of ['food', 'flour'] as const) {
      await choose(el, 'agentType', type);
      await until(() => !agentSelect().disabled && agentSelect().options.length > 1, type);
      const offered = [...agentSelect().options].map((o) => o.value).filter(Boolean);
      const expected = Object.values(sandbox.state.rationCard.agents)
        .filter((a) => a.kind === type && a.governorate === card.governorate)
        .map((a) => a.id)
        .filter((id) => id !== (type === 'food' ? card.foodAgentId : card.flourAgentId));
      expect([...offered].sort()).to.deep.equal([...expected].sort());
      expect(expected.length > 0).to.equal(true);
      // Shown by name and address, as text.
      expect(agentSelect().options[1]!.textContent).to.contain(
        sandbox.state.rationCard.agents[offered[0]!]!.name,
      );
    }
  });

  for (const change of OTHER_CHANGES) {
    it(`ration card, ${change.kind}: answered, submitted once, received as typed`, async () => {
      const { sandbox } = await signedIn('cit_01');
      const el = await mount('ration-card-family', change.kind);
      await atStep(el, change.step);
      await change.answer(el);
      await next(el);
      if (change.document) {
        await atStep(el, 'documents');
        await attach(el, change.document, pdf('بطاقة السكن.pdf'));
        await next(el);
      }
      await atStep(el, 'check');
      $<HTMLButtonElement>(el, '[part="submit"]')!.click();
      await until(
        () => viewOf(el) === 'done',
        `confirmation (${text(el, '[part="error-summary"]')})`,
      );
      const submitted = storedRequests(sandbox, 'ration-card-family').filter(
        (d) => d.status === 'submitted' && d.kind === change.kind && d.citizenId === 'cit_01',
      );
      expect(submitted.length).to.equal(1);
      expect(submitted[0]!.answers).to.deep.equal(change.sent);
      expect(sandbox.violations).to.deep.equal([]);
    });
  }
});
