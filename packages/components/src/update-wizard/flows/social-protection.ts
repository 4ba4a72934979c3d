import { msg } from '@lit/localize';
import type { BeneficiaryProfile } from '@iq-eservices/api';
import {
  itemProblems,
  normalizedAnswer,
  type Answers,
  type WizardField,
  type WizardFlow,
  type WizardStep,
} from '../engine.js';
import {
  DISABILITIES,
  EMPLOYMENT,
  HOUSING,
  INCOME_SOURCES,
  SEXES,
  YES_NO,
  optionsOf,
} from '../labels.js';
import { RELATIONS } from '../../core/labels.js';
import {
  addressFields,
  answerPath,
  fieldAt,
  pastDate,
  readBody,
  section,
  writeBody,
  type BodyMap,
} from './common.js';

/** A household member as the wizard holds them (`id` for a member on file). */
export type MemberForm = {
  id?: string;
  name: string;
  relation: string;
  birthDate: string;
  sex: string;
  nationalId?: string;
};

/** The questions about one member (the national number only for a new member). */
const MEMBER_FIELDS: WizardField[] = [
  {
    id: 'name',
    kind: 'name',
    label: () => msg('Full name as on the national card', { id: 'wizard.member.name' }),
    maxLength: 120,
  },
  {
    id: 'relation',
    kind: 'select',
    label: () => msg('Relation to the head of household', { id: 'wizard.member.relation' }),
    options: () => optionsOf(RELATIONS),
  },
  pastDate('birthDate', () => msg('Date of birth', { id: 'wizard.member.birth-date' })),
  {
    id: 'sex',
    kind: 'radio',
    label: () => msg('Sex', { id: 'wizard.member.sex' }),
    options: () => optionsOf(SEXES),
  },
  {
    id: 'nationalId',
    kind: 'national-id',
    label: () => msg('National card number', { id: 'national-id.label' }),
    when: (member) => !member['id'],
  },
];

const money = (id: string, label: () => string, when?: (a: Answers) => boolean): WizardField => ({
  id,
  kind: 'amount',
  label,
  hint: () => msg('In Iraqi dinars, digits only.', { id: 'wizard.field.iqd.hint' }),
  max: 1_000_000_000,
  when,
});

const STEPS: WizardStep[] = [
  {
    id: 'identity',
    kind: 'identity',
    title: () => msg('Confirm who you are', { id: 'wizard.sp.identity.title' }),
    fields: [],
  },
  {
    id: 'residence',
    title: () => msg('Where you live and how to contact you', { id: 'wizard.sp.residence.title' }),
    fields: [
      ...addressFields(500, true),
      {
        id: 'phone',
        kind: 'phone',
        label: () => msg('Mobile number', { id: 'phone.label' }),
      },
      {
        id: 'alternatePhone',
        kind: 'phone',
        label: () =>
          msg('Another mobile number (optional)', { id: 'wizard.field.alternate-phone' }),
        required: false,
      },
    ],
  },
  {
    id: 'household',
    title: () => msg('Your household', { id: 'wizard.sp.household.title' }),
    lead: () =>
      msg(
        'Check everyone who lives with you. Add new members, correct details, and remove members who have left or died.',
        { id: 'wizard.sp.household.lead' },
      ),
    fields: [
      {
        id: 'members',
        kind: 'members',
        label: () => msg('Household members', { id: 'wizard.field.members' }),
        itemFields: MEMBER_FIELDS,
      },
    ],
  },
  {
    id: 'income',
    title: () => msg('Income and work', { id: 'wizard.sp.income.title' }),
    fields: [
      {
        id: 'employmentStatus',
        kind: 'select',
        label: () => msg("The head of household's work", { id: 'wizard.field.employment-status' }),
        options: () => optionsOf(EMPLOYMENT),
      },
      money('monthlyIncome', () =>
        msg("The household's monthly income", { id: 'wizard.field.monthly-income' }),
      ),
      {
        id: 'incomeSources',
        kind: 'checkboxes',
        label: () => msg('Where the income comes from', { id: 'wizard.field.income-sources' }),
        hint: () => msg('Choose all that apply.', { id: 'wizard.field.choose-all' }),
        options: () => optionsOf(INCOME_SOURCES),
        required: false,
      },
    ],
  },
  {
    id: 'health',
    title: () => msg('Health, disability and housing', { id: 'wizard.sp.health.title' }),
    fields: [
      {
        id: 'chronicIllness',
        kind: 'radio',
        label: () =>
          msg('Does anyone in the household live with a chronic illness?', {
            id: 'wizard.field.chronic-illness',
          }),
        options: () => optionsOf(YES_NO),
      },
      {
        id: 'disability',
        kind: 'select',
        label: () => msg('Disability in the household', { id: 'wizard.field.disability' }),
        options: () => optionsOf(DISABILITIES),
      },
      {
        id: 'disabilityPercentage',
        kind: 'integer',
        label: () =>
          msg('Disability rate on the medical committee certificate (%)', {
            id: 'wizard.field.disability-percentage',
          }),
        min: 0,
        max: 100,
        when: (a) => !!a['disability'] && a['disability'] !== 'none',
      },
      {
        id: 'housingType',
        kind: 'radio',
        label: () => msg('Your home is', { id: 'wizard.field.housing-type' }),
        options: () => optionsOf(HOUSING),
      },
      money(
        'monthlyRent',
        () => msg('Monthly rent', { id: 'wizard.field.monthly-rent' }),
        (a) => a['housingType'] === 'rented',
      ),
      {
        id: 'rooms',
        kind: 'integer',
        label: () => msg('Number of rooms', { id: 'wizard.field.rooms' }),
        min: 1,
        max: 30,
      },
    ],
  },
  {
    id: 'documents',
    kind: 'documents',
    title: () => msg('Supporting documents', { id: 'wizard.documents.title' }),
    fields: [],
  },
];

/**
 * Where each answer lives in `BeneficiaryUpdateAnswers` (social-protection.yaml); the household
 * (`household/members`) is written apart, member by member.
 */
const BODY: BodyMap = {
  governorate: 'residence/governorate',
  district: 'residence/district',
  locality: 'residence/locality',
  landmark: 'residence/nearestLandmark',
  phone: 'contact/phone',
  alternatePhone: 'contact/alternatePhone',
  employmentStatus: 'income/employmentStatus',
  monthlyIncome: 'income/monthlyIncome',
  incomeSources: 'income/incomeSources',
  chronicIllness: 'health/chronicIllness',
  disability: 'health/disability',
  disabilityPercentage: 'health/disabilityPercentage',
  housingType: 'housing/type',
  monthlyRent: 'housing/monthlyRent',
  rooms: 'housing/rooms',
};

/** Mazalati (منصة مظلتي): the beneficiary household's data update. */
export const socialProtectionFlow: WizardFlow = {
  id: 'social-protection',
  service: 'socialProtection',
  title: () => msg('Update your social protection data', { id: 'wizard.sp.title' }),
  steps: STEPS,
  kind: () => 'beneficiary-update',

  initialAnswers({ record }) {
    const p = record as BeneficiaryProfile | undefined;
    if (!p) return {};
    // The profile has the body's sections; members without their masked national number.
    const members = p.household.members.map(({ maskedNationalId: _m, ...m }) => m);
    return this.fromBody({ ...p, household: { members } }, undefined, { record });
  },

  fromBody: (body) => readBody(body, { ...BODY, members: 'household/members' }),

  toBody(answers) {
    // Each section only when all it requires is answered; the household only when every member is.
    const body = writeBody(STEPS, answers, BODY);
    const members = (answers['members'] as MemberForm[] | undefined) ?? [];
    if (members.length && members.every((m) => !itemProblems(MEMBER_FIELDS, m).size))
      body['household'] = {
        members: members.map((m) =>
          section({
            id: m.id,
            name: m.name.trim(),
            relation: m.relation,
            birthDate: normalizedAnswer(MEMBER_FIELDS[2] as WizardField, m.birthDate),
            sex: m.sex,
            nationalId: m.id
              ? undefined
              : normalizedAnswer(MEMBER_FIELDS[4] as WizardField, m.nationalId),
          }),
        ),
      };
    return body;
  },

  fieldOf: (pointer) =>
    answerPath(pointer).startsWith('household') ? 'members' : fieldAt(pointer, BODY),

  // What the service asks for on submission: the national card always, a residence card after a
  // move, a birth certificate for a new member, a medical document for a changed disability.
  requiredDocuments(answers, { record }) {
    const p = record as BeneficiaryProfile | undefined;
    const needs = [['national-card']];
    const moved = ['governorate', 'district', 'locality'].some(
      (k) =>
        p &&
        answers[k] !== undefined &&
        String(answers[k]).trim() !== (p.residence as Record<string, string>)[k],
    );
    if (moved) needs.push(['residence-card']);
    if (((answers['members'] as MemberForm[] | undefined) ?? []).some((m) => !m.id))
      needs.push(['birth-certificate']);
    if (
      p &&
      answers['disability'] !== 'none' &&
      (answers['disability'] !== p.health.disability ||
        String(answers['disabilityPercentage'] ?? '') !==
          String(p.health.disabilityPercentage ?? ''))
    )
      needs.push(['medical-report', 'disability-certificate']);
    return needs;
  },

  documentTypes: () => [
    'national-card',
    'residence-card',
    'birth-certificate',
    'income-proof',
    'medical-report',
    'disability-certificate',
    'lease-or-deed',
    'other',
  ],
};
