import { expect } from '@open-wc/testing';
import {
  activeSteps,
  checkField,
  normalizedAnswer,
  parseDate,
  parseWhole,
  sameAnswers,
  type WizardField,
  type WizardStep,
} from './engine.js';
import { rationCardFamilyFlow, socialProtectionFlow } from './flows/index.js';

const field = (kind: WizardField['kind'], extra: Partial<WizardField> = {}): WizardField => ({
  id: 'x',
  kind,
  label: () => 'x',
  ...extra,
});

describe('update-wizard engine', () => {
  it('reads calendar dates in any digit script and refuses impossible ones', () => {
    expect(parseDate('2019-10-05')).to.equal('2019-10-05');
    expect(parseDate('٢٠١٩-١٠-٥')).to.equal('2019-10-05');
    expect(parseDate('۲۰۱۹/۱۰/۰۵')).to.equal('2019-10-05');
    expect(parseDate('2026-02-30')).to.equal(null);
    expect(parseDate('2025-02-29')).to.equal(null);
    expect(parseDate('2024-02-29')).to.equal('2024-02-29');
    expect(parseDate('05-10-2019')).to.equal(null);
  });

  it('reads whole numbers with group separators in any digit script', () => {
    expect(parseWhole('250,000')).to.equal(250000);
    expect(parseWhole('٢٥٠٬٠٠٠')).to.equal(250000);
    expect(parseWhole('-5')).to.equal(null);
    expect(parseWhole('2.5e3')).to.equal(null);
  });

  const CASES: [WizardField, unknown, string | null][] = [
    [field('text'), '', 'required'],
    [field('text', { required: false }), '', null],
    [field('text', { maxLength: 5 }), 'abcdef', 'too-long'],
    [field('text'), 'a\u202Eb', 'bidi'],
    [field('text'), 'a\u0007b', 'characters'],
    [field('text'), 'a\ud800b', 'characters'],
    [field('text'), 'a\udc00', 'characters'],
    [field('text'), 'قرب 🌯', null],
    [field('text'), '<script>', null],
    [field('name', { maxLength: 120 }), '<b>علي</b>', 'characters'],
    [field('name', { maxLength: 120 }), 'ع', 'too-short'],
    [field('date', { past: true }), '2999-01-01', 'future'],
    [field('date'), '2026-02-30', 'date'],
    [field('amount', { max: 100 }), '101', 'range'],
    [field('integer', { min: 1 }), '0', 'range'],
    [field('phone'), '0770 123 4567', null],
    [field('phone'), '0660 123 4567', 'phone'],
    [field('national-id'), '١٩٩٠١٢٣٤٥٦٧٨', null],
    [field('text', { pattern: /^agt_[a-z0-9_]+$/ }), 'agt_bg_f1', null],
    [field('text', { pattern: /^agt_[a-z0-9_]+$/ }), 'x', 'format'],
    [field('members'), [{ relation: 'son' }], 'one-head'],
    [field('members'), [{ relation: 'head' }, { relation: 'son' }], null],
  ];
  for (const [f, value, problem] of CASES) {
    it(`${f.kind} ${JSON.stringify(value)} → ${problem ?? 'accepted'}`, () => {
      expect(checkField(f, value, '2026-11-25')).to.equal(problem);
    });
  }

  it('normalizes answers to what the contracts take', () => {
    expect(normalizedAnswer(field('phone'), '٠٧٧٠ ١٢٣ ٤٥٦٧')).to.equal('+9647701234567');
    expect(normalizedAnswer(field('amount'), '250,000')).to.equal(250000);
    expect(normalizedAnswer(field('date'), '٢٠٢٦-١١-٠١')).to.equal('2026-11-01');
    expect(normalizedAnswer(field('text'), '  حي الجامعة ')).to.equal('حي الجامعة');
  });

  it('selects steps by their condition', () => {
    const steps: WizardStep[] = [
      { id: 'a', title: () => 'a', fields: [] },
      { id: 'b', title: () => 'b', fields: [], when: (x) => x['kind'] === 'b' },
    ];
    expect(activeSteps(steps, {}).map((s) => s.id)).to.deep.equal(['a']);
    expect(activeSteps(steps, { kind: 'b' }).map((s) => s.id)).to.deep.equal(['a', 'b']);
  });

  it('compares answers whatever the key order, ignoring undefined values', () => {
    expect(sameAnswers({ a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1, d: undefined })).to.equal(true);
    expect(sameAnswers({ a: 1 }, { a: 2 })).to.equal(false);
  });

  it('maps social protection answers to the contract and back', () => {
    const answers = {
      governorate: 'IQ-BG',
      district: 'الكرخ',
      locality: 'حي الجامعة',
      landmark: 'قرب جامع الرحمن',
      phone: '0770 123 4567',
      members: [
        { id: 'mem_1', name: ' علي ', relation: 'head', birthDate: '1990-01-02', sex: 'male' },
      ],
      employmentStatus: 'daily-worker',
      monthlyIncome: '250,000',
      chronicIllness: 'no',
      disability: 'physical',
      housingType: 'owned',
      rooms: '3',
    };
    const body = socialProtectionFlow.toBody(answers);
    expect(body).to.deep.equal({
      residence: {
        governorate: 'IQ-BG',
        district: 'الكرخ',
        locality: 'حي الجامعة',
        nearestLandmark: 'قرب جامع الرحمن',
      },
      contact: { phone: '+9647701234567' },
      household: {
        members: [
          { id: 'mem_1', name: 'علي', relation: 'head', birthDate: '1990-01-02', sex: 'male' },
        ],
      },
      // The percentage is asked (a disability) but optional: the section goes without it.
      income: { employmentStatus: 'daily-worker', monthlyIncome: 250000, incomeSources: [] },
      health: { chronicIllness: false, disability: 'physical' },
      housing: { type: 'owned', rooms: 3 },
    });
    expect(socialProtectionFlow.fromBody(body, undefined, { record: undefined })).to.deep.equal({
      ...answers,
      members: [{ ...answers.members[0], name: 'علي' }],
      phone: '+9647701234567',
      monthlyIncome: '250000',
      incomeSources: [],
    });
    // A section with a required answer missing is not sent; an unchecked member list neither.
    const partial = socialProtectionFlow.toBody({ ...answers, locality: '', members: [] });
    expect(Object.keys(partial).sort()).to.deep.equal(['contact', 'health', 'housing', 'income']);
    expect(socialProtectionFlow.fieldOf('/body/answers/housing/type')).to.equal('housingType');
    expect(socialProtectionFlow.fieldOf('/answers/household/members/0/name')).to.equal('members');
    expect(socialProtectionFlow.fieldOf('/documents')).to.equal('documents');
    expect(socialProtectionFlow.fieldOf('/body/answers/residence')).to.equal(undefined);
  });

  it('maps a ration card change to the contract, part of a section included, and back', () => {
    const answers = { kind: 'add-newborn', newbornName: 'زينب علي', newbornSex: 'female' };
    const body = rationCardFamilyFlow.toBody({ ...answers, governorate: 'IQ-BG' });
    expect(body).to.deep.equal({ newborn: { name: 'زينب علي', sex: 'female' } });
    expect(rationCardFamilyFlow.fromBody(body, 'add-newborn', { record: undefined })).to.deep.equal(
      answers,
    );
    expect(
      rationCardFamilyFlow.toBody({ kind: 'change-agent', agentType: 'flour', newAgentId: 'x' }),
    ).to.deep.equal({ agentType: 'flour' });
    expect(rationCardFamilyFlow.fieldOf('/body/answers/newborn/birthDate')).to.equal(
      'newbornBirthDate',
    );
    expect(rationCardFamilyFlow.fieldOf('/answers/dateOfDeath')).to.equal('dateOfDeath');
    expect(rationCardFamilyFlow.fieldOf('/answers/newAddress/nearestLandmark')).to.equal(
      'landmark',
    );
    expect(rationCardFamilyFlow.fieldOf('/answers/newAddress/governorate')).to.equal('governorate');
  });
});
