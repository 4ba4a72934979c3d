import { msg } from '@lit/localize';
import { unwrap, type RationCard } from '@iq-eservices/api';
import type { Answers, WizardFlow, WizardStep } from '../engine.js';
import { RELATIONS } from '../../core/labels.js';
import { AGENT_TYPES, CHANGE_KINDS, SEXES, optionsOf } from '../labels.js';
import { addressFields, fieldAt, pastDate, readBody, writeBody, type BodyMap } from './common.js';

const is = (kind: string) => (a: Answers) => a['kind'] === kind;

/** The certificate each kind of change needs (`ration-card.yaml`, ChangeRequestAnswers). */
const CERTIFICATES: Record<string, string> = {
  'add-newborn': 'birth-certificate',
  'remove-deceased-member': 'death-certificate',
  'change-address': 'residence-card',
};

const STEPS: WizardStep[] = [
  {
    id: 'kind',
    title: () => msg('What do you want to change?', { id: 'wizard.rc.kind.title' }),
    fields: [
      {
        id: 'kind',
        kind: 'radio',
        label: () => msg('The change', { id: 'wizard.rc.kind.label' }),
        options: () => optionsOf(CHANGE_KINDS),
      },
    ],
  },
  {
    id: 'newborn',
    when: is('add-newborn'),
    title: () => msg('About the newborn', { id: 'wizard.rc.newborn.title' }),
    fields: [
      {
        id: 'newbornName',
        kind: 'name',
        label: () => msg('Full name as on the birth certificate', { id: 'wizard.rc.newborn.name' }),
        maxLength: 120,
      },
      pastDate('newbornBirthDate', () => msg('Date of birth', { id: 'wizard.member.birth-date' })),
      {
        id: 'newbornSex',
        kind: 'radio',
        label: () => msg('Sex', { id: 'wizard.member.sex' }),
        options: () => optionsOf(SEXES),
      },
      {
        id: 'newbornRelation',
        kind: 'select',
        label: () => msg('Relation to the head of household', { id: 'wizard.member.relation' }),
        options: () =>
          optionsOf(RELATIONS, ['son', 'daughter', 'grandchild', 'brother', 'sister', 'other']),
      },
    ],
  },
  {
    id: 'deceased',
    when: is('remove-deceased-member'),
    title: () => msg('The member who has died', { id: 'wizard.rc.deceased.title' }),
    fields: [
      {
        id: 'deceasedMemberId',
        kind: 'radio',
        label: () => msg('Which member has died?', { id: 'wizard.rc.deceased.member' }),
        // The head cannot be removed online: the card passes to another member at the centre.
        options: ({ record }) =>
          ((record as RationCard | undefined)?.members ?? [])
            .filter((m) => m.relation !== 'head')
            .map((m) => ({ value: m.id, label: m.name })),
      },
      pastDate('dateOfDeath', () => msg('Date of death', { id: 'wizard.rc.deceased.date' })),
    ],
  },
  {
    id: 'address',
    when: is('change-address'),
    title: () => msg('Your new address', { id: 'wizard.rc.address.title' }),
    fields: addressFields(200, false),
  },
  {
    id: 'agent',
    when: is('change-agent'),
    title: () => msg('The new agent', { id: 'wizard.rc.agent.new' }),
    fields: [
      {
        id: 'agentType',
        kind: 'radio',
        label: () => msg('Which agent?', { id: 'wizard.rc.agent.type' }),
        options: () => optionsOf(AGENT_TYPES),
      },
      {
        id: 'newAgentId',
        kind: 'select',
        label: () => msg('The new agent', { id: 'wizard.rc.agent.new' }),
        hint: () =>
          msg("The agents of your governorate, by name and shop's address.", {
            id: 'wizard.rc.agent.new.hint',
          }),
        enabledWhen: (a) => !!a['agentType'],
        // The contract's AgentId: a value that is not one is never sent.
        maxLength: 44,
        pattern: /^agt_[A-Za-z0-9_]{1,40}$/,
        // The household's governorate's agents of the chosen type, but not the one it has now.
        options: ({ lists, answers, record }) => {
          const type = answers?.['agentType'];
          const card = record as RationCard | undefined;
          const current = type === 'food' ? card?.foodAgent.id : card?.flourAgent.id;
          return (lists?.[String(type)] ?? []).filter((o) => o.value !== current);
        },
      },
    ],
  },
  {
    id: 'documents',
    kind: 'documents',
    when: (a) => !!CERTIFICATES[a['kind'] as string],
    title: () => msg('Supporting documents', { id: 'wizard.documents.title' }),
    fields: [],
  },
];

/**
 * Where each answer lives in `ChangeRequestAnswers` (ration-card.yaml). Only the questions of the
 * chosen change are sent, and a draft may hold part of a section.
 */
const BODY: BodyMap = {
  newbornName: 'newborn/name',
  newbornBirthDate: 'newborn/birthDate',
  newbornSex: 'newborn/sex',
  newbornRelation: 'newborn/relation',
  deceasedMemberId: 'deceasedMemberId',
  dateOfDeath: 'dateOfDeath',
  governorate: 'newAddress/governorate',
  district: 'newAddress/district',
  locality: 'newAddress/locality',
  landmark: 'newAddress/nearestLandmark',
  agentType: 'agentType',
  newAgentId: 'newAgentId',
};

/** The ration card's family changes: a newborn, a death, a move, another agent. */
export const rationCardFamilyFlow: WizardFlow = {
  id: 'ration-card-family',
  service: 'rationCard',
  title: () => msg('Change your ration card family data', { id: 'wizard.rc.title' }),
  steps: STEPS,
  kind: (answers) => (answers['kind'] as string | undefined) || undefined,
  initialAnswers: () => ({}),
  countWith: { kind: 'add-newborn' },

  fromBody: (body, kind) => ({ ...(kind === undefined ? {} : { kind }), ...readBody(body, BODY) }),

  toBody: (answers) => writeBody(STEPS, answers, BODY, true),

  fieldOf: (pointer) => fieldAt(pointer, BODY),

  documentTypes: (answers) => {
    const certificate = CERTIFICATES[answers['kind'] as string];
    return certificate ? [certificate, 'other'] : ['other'];
  },

  requiredDocuments: (answers) => {
    const certificate = CERTIFICATES[answers['kind'] as string];
    return certificate ? [[certificate]] : [];
  },

  // The household's governorate's food and flour agents, for a change of agent.
  lists: async (client) => {
    const lists: Record<string, { value: string; label: string }[]> = {};
    for (const type of ['food', 'flour'] as const) {
      const { items } = unwrap(
        await client.rationCard.GET('/agents', { params: { query: { type } } }),
      );
      lists[type] = items.map((a) => ({ value: a.id, label: `${a.name} — ${a.address}` }));
    }
    return lists;
  },
};
