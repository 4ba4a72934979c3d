import { expect } from '@open-wc/testing';
import { UPLOAD_POLICY } from '@iq-eservices/sandbox';
import type { IqUpdateWizard } from './update-wizard.js';
import { setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  $$,
  atStep,
  attach,
  fill,
  focused,
  mount,
  next,
  pdf,
  signedIn,
  text,
  viewOf,
  type Setup,
} from './test/harness.js';

const HOSTILE = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const RLO = 'حي \u202Eالجامعة';
const LONG = 'ا'.repeat(10_000);

/** Where a field is asked: the flow, the step, how to reach it. */
interface Place {
  flow: string;
  kind?: string;
  step: string;
  /** Opens the member form first (the household's questions). */
  member?: boolean;
}
const RESIDENCE: Place = { flow: 'social-protection', step: 'residence' };
const INCOME: Place = { flow: 'social-protection', step: 'income' };
const HEALTH: Place = { flow: 'social-protection', step: 'health' };
const MEMBER: Place = { flow: 'social-protection', step: 'household', member: true };
const NEWBORN: Place = { flow: 'ration-card-family', kind: 'add-newborn', step: 'newborn' };
const DEATH: Place = {
  flow: 'ration-card-family',
  kind: 'remove-deceased-member',
  step: 'deceased',
};

/** Bad input, field by field: what is typed and the (English) error expected beside the field. */
const CASES: { place: Place; field: string; value: string; error: RegExp }[] = [
  { place: RESIDENCE, field: 'district', value: RLO, error: /direction characters/ },
  { place: RESIDENCE, field: 'locality', value: LONG, error: /too long/ },
  { place: RESIDENCE, field: 'landmark', value: 'قرب\u2066 الجسر', error: /direction characters/ },
  { place: RESIDENCE, field: 'landmark', value: '', error: /Answer this question/ },
  { place: RESIDENCE, field: 'landmark', value: 'قرب \ud800الجسر', error: /control characters/ },
  { place: MEMBER, field: 'm-name', value: 'علي \udc00', error: /control characters/ },
  { place: RESIDENCE, field: 'phone', value: '0660 123 4567', error: /Iraqi mobile number/ },
  { place: INCOME, field: 'monthlyIncome', value: 'مئتان', error: /whole number/ },
  { place: INCOME, field: 'monthlyIncome', value: '-5', error: /whole number/ },
  {
    place: INCOME,
    field: 'monthlyIncome',
    value: '9999999999',
    error: /outside the allowed range/,
  },
  { place: HEALTH, field: 'rooms', value: '0', error: /outside the allowed range/ },
  { place: MEMBER, field: 'm-name', value: HOSTILE, error: /< and >/ },
  { place: MEMBER, field: 'm-name', value: IMG, error: /< and >/ },
  { place: MEMBER, field: 'm-name', value: 'ا'.repeat(121), error: /too long/ },
  { place: MEMBER, field: 'm-birthDate', value: '2026-02-30', error: /real date/ },
  { place: MEMBER, field: 'm-birthDate', value: '2099-01-01', error: /future/ },
  { place: MEMBER, field: 'm-nationalId', value: '12345', error: /12 digits/ },
  { place: NEWBORN, field: 'newbornName', value: `زينب${'\u202E'}`, error: /direction characters/ },
  { place: NEWBORN, field: 'newbornBirthDate', value: '٢٠٢٦-٠٢-٣٠', error: /real date/ },
  { place: NEWBORN, field: 'newbornBirthDate', value: '2999-12-31', error: /future/ },
  { place: DEATH, field: 'dateOfDeath', value: '2026-13-01', error: /real date/ },
];

async function open(place: Place): Promise<{ setup: Setup; el: IqUpdateWizard }> {
  const setup = await signedIn('cit_01');
  const el = await mount(place.flow, place.kind);
  while (($(el, '.root')!.dataset['step'] ?? '') !== place.step) {
    const at = $(el, '.root')!.dataset['step'];
    await next(el);
    await until(() => $(el, '.root')!.dataset['step'] !== at, 'next step');
  }
  await atStep(el, place.step);
  if (place.member) {
    $<HTMLButtonElement>(el, '.add-member')!.click();
    await el.updateComplete;
  }
  return { setup, el };
}

const press = async (el: IqUpdateWizard, place: Place) => {
  if (place.member) $$<HTMLButtonElement>(el, '.member-form button')[0]!.click();
  else await next(el);
  await el.updateComplete;
};

/** The error text beside a field (inside the library's own fields for phone and national number). */
function errorBeside(el: IqUpdateWizard, id: string): string {
  const control = $(el, `#f-${id}`)!;
  if (control.shadowRoot) return control.shadowRoot.querySelector('.error')?.textContent ?? '';
  return text(el, `#f-${id}-error`);
}

function describedByError(el: IqUpdateWizard, id: string): boolean {
  const control = $(el, `#f-${id}`)!;
  const input = control.shadowRoot?.querySelector('input') ?? control;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  return input.getAttribute('aria-invalid') === 'true' && ids.some((x) => x.endsWith('error'));
}

describe('iq-update-wizard: bad input', function () {
  this.timeout(60000);

  before(() => setPageLanguage('en'));
  after(() => setPageLanguage('ar'));
  afterEach(() => sessionStorage.clear());

  for (const c of CASES) {
    const shown = c.value.length > 40 ? `${c.value.length} characters` : JSON.stringify(c.value);
    it(`${c.place.flow} ${c.field} = ${shown}: an error beside the field and in the summary, nothing sent`, async () => {
      const { setup, el } = await open(c.place);
      const calls = { ...setup.sandbox.calls };
      const url = location.href;
      await fill(el, c.field, c.value);
      await press(el, c.place);
      await until(() => !!$(el, '[part="error-summary"]'), 'error summary');
      expect(focused(el)?.id, 'the summary receives focus').to.equal('summary');
      expect(text(el, '[part="error-summary"]')).to.match(c.error);
      expect(errorBeside(el, c.field)).to.match(c.error);
      expect(describedByError(el, c.field), 'error tied to the field').to.equal(true);
      // The summary's link moves focus to the field.
      const link = $$<HTMLAnchorElement>(el, '[part="error-summary"] a').find(
        (a) => a.getAttribute('href') === `#f-${c.field}`,
      )!;
      link.click();
      expect(focused(el)?.closest?.('*') !== null).to.equal(true);
      const target = $(el, `#f-${c.field}`)!;
      const active = focused(el)!;
      expect(
        active === target || target.shadowRoot?.contains(active) === true,
        'focus on the field',
      ).to.equal(true);
      expect($(el, '.root')!.dataset['step'], 'still on the step').to.equal(c.place.step);
      for (const op of [
        'createUpdateRequest',
        'saveUpdateRequest',
        'createChangeRequest',
        'saveChangeRequest',
      ])
        expect(setup.sandbox.calls[op] ?? 0, `${op} not called`).to.equal(calls[op] ?? 0);
      expect(setup.sandbox.violations).to.deep.equal([]);
      expect(location.href, 'nothing typed goes to the URL').to.equal(url);
    });
  }

  it('markup typed in a free-text answer is kept as text, sent as text and never rendered', async () => {
    const { setup, el } = await open(RESIDENCE);
    await fill(el, 'landmark', `${HOSTILE} ${IMG}`);
    await next(el);
    await atStep(el, 'household');
    const [draft] = Object.values(setup.sandbox.state.socialProtection.drafts).filter(
      (d) => d.citizenId === 'cit_01' && d.status === 'draft',
    );
    expect(
      (draft!.answers as { residence: { nearestLandmark: string } }).residence.nearestLandmark,
    ).to.equal(`${HOSTILE} ${IMG}`);
    for (const step of ['household', 'income', 'health']) {
      await atStep(el, step);
      await next(el);
    }
    await atStep(el, 'documents');
    await attach(el, 'national-card', pdf());
    await next(el);
    await atStep(el, 'check');
    expect(text(el, '[part="answers"]')).to.contain(HOSTILE);
    expect(el.shadowRoot!.querySelector('script, img')).to.equal(null);
  });

  describe('documents', () => {
    const documentsStep = async () => {
      const r = await open({ flow: 'ration-card-family', kind: 'add-newborn', step: 'newborn' });
      await fill(r.el, 'newbornName', 'زينب علي');
      await fill(r.el, 'newbornBirthDate', '2026-11-01');
      $$<HTMLInputElement>(r.el, 'input[name="f-newbornSex"]')[1]!.click();
      await fill(r.el, 'newbornRelation', 'daughter');
      await next(r.el);
      await atStep(r.el, 'documents');
      return r;
    };
    const FILES: { name: string; file: () => File; error: RegExp }[] = [
      {
        name: 'a renamed executable (MZ bytes named .pdf)',
        file: () =>
          new File(['MZ\x90\x00\x03\x00\x00\x00'], 'شهادة.pdf', { type: 'application/pdf' }),
        error: /not a PDF, JPEG or PNG/,
      },
      {
        name: 'a text file',
        file: () => new File(['hello'], 'note.txt', { type: 'text/plain' }),
        error: /not a PDF, JPEG or PNG/,
      },
      {
        name: 'a PDF named .png',
        file: () => new File(['%PDF-1.7\n'], 'scan.png', { type: 'image/png' }),
        error: /not a PDF, JPEG or PNG/,
      },
      {
        name: 'a file over 5 MB',
        file: () =>
          new File(['%PDF-1.7\n', new Uint8Array(5 * 1024 * 1024)], 'big.pdf', {
            type: 'application/pdf',
          }),
        error: /too large/,
      },
    ];
    for (const f of FILES) {
      it(`${f.name}: refused before upload, with the error beside the picker`, async () => {
        const { setup, el } = await documentsStep();
        const uploads = setup.sandbox.calls['uploadChangeRequestDocument'] ?? 0;
        await attach(el, 'birth-certificate', f.file());
        expect(text(el, '#f-documents-error')).to.match(f.error);
        expect($(el, '#f-documents')!.getAttribute('aria-invalid')).to.equal('true');
        expect(setup.sandbox.calls['uploadChangeRequestDocument'] ?? 0).to.equal(uploads);
        // Continue without the certificate: the summary says what is missing.
        await next(el);
        await until(() => !!$(el, '[part="error-summary"]'), 'summary');
        expect(text(el, '[part="error-summary"]')).to.match(/documents this request needs/);
      });
    }

    it('the server refuses a file the page let through: its error is shown beside the picker', async () => {
      // The service lowers its limit after the page read the policy.
      const maxBytes = UPLOAD_POLICY.maxBytes;
      UPLOAD_POLICY.maxBytes = 50 * 1024 * 1024;
      try {
        const { setup, el } = await documentsStep();
        await until(() => text(el, '#f-documents-hint').includes('50'), 'policy read');
        UPLOAD_POLICY.maxBytes = maxBytes;
        await attach(
          el,
          'birth-certificate',
          new File(['%PDF-1.7\n', new Uint8Array(5 * 1024 * 1024 + 10)], 'big.pdf', {
            type: 'application/pdf',
          }),
        );
        expect(text(el, '#f-documents-error')).to.match(/too large/);
        expect(setup.sandbox.calls['uploadChangeRequestDocument']).to.equal(1);
        expect($$(el, '.document').length).to.equal(0);
        expect(setup.sandbox.violations).to.deep.equal([]);
      } finally {
        UPLOAD_POLICY.maxBytes = maxBytes;
      }
    });

    it('a failed upload can be tried again and removed; progress is shown meanwhile', async () => {
      const { setup, el } = await documentsStep();
      setup.sandbox.faults.set({
        faults: [{ kind: 503, operations: ['uploadChangeRequestDocument'], count: 2 }],
      });
      await attach(el, 'birth-certificate', pdf('شهادة.pdf'));
      expect($$(el, '.document.failed').length).to.equal(1);
      setup.sandbox.faults.set({ latencyMs: 300 });
      $$<HTMLButtonElement>(el, '.document.failed button')[0]!.click();
      await until(() => !!$(el, '.document.uploading progress'), 'progress shown');
      await until(
        () => $$(el, '.document').length === 1 && !$(el, '.document.uploading'),
        'uploaded',
      );
      setup.sandbox.faults.clear();
      await next(el);
      await atStep(el, 'check');
      expect(viewOf(el)).to.equal('check');
    });
  });

  it("a service's field error (422) is shown on its field", async () => {
    const { setup, el } = await open(DEATH);
    const options = $$<HTMLInputElement>(el, 'input[name="f-deceasedMemberId"]');
    options[0]!.click();
    // A death before the member's birth: only the service knows the birth date.
    await fill(el, 'dateOfDeath', '1901-01-01');
    await next(el);
    await until(() => !!$(el, '[part="error-summary"]'), 'summary');
    expect(text(el, '#f-dateOfDeath-error')).to.match(/Check this answer/);
    expect($(el, '.root')!.dataset['step']).to.equal('deceased');
    expect(setup.sandbox.violations).to.deep.equal([]);
  });
});
