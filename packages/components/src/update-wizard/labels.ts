import { msg } from '@lit/localize';
import type { Labels } from '../core/labels.js';
import type { FieldOption } from './engine.js';

// The codes of both services' contracts, each with its own catalogue message. A code the
// library does not know yet (a contract that grew) is shown as it came.

/** Options of a field from a label table (every code, or the ones named). */
export function optionsOf(
  labels: Labels,
  codes: readonly string[] = Object.keys(labels),
): FieldOption[] {
  return codes.map((value) => ({ value, label: labels[value]?.() ?? value }));
}

export const SEXES: Labels = {
  male: () => msg('Male', { id: 'wizard.sex.male' }),
  female: () => msg('Female', { id: 'wizard.sex.female' }),
};

export const YES_NO: Labels = {
  yes: () => msg('Yes', { id: 'wizard.yes' }),
  no: () => msg('No', { id: 'wizard.no' }),
};

export const EMPLOYMENT: Labels = {
  unemployed: () => msg('Not working', { id: 'wizard.employment.unemployed' }),
  'daily-worker': () => msg('Daily worker', { id: 'wizard.employment.daily-worker' }),
  'employed-private': () =>
    msg('Employed in the private sector', { id: 'wizard.employment.employed-private' }),
  'employed-public': () =>
    msg('Employed in the public sector', { id: 'wizard.employment.employed-public' }),
  retired: () => msg('Retired', { id: 'wizard.employment.retired' }),
  'unable-to-work': () => msg('Unable to work', { id: 'wizard.employment.unable-to-work' }),
};

export const INCOME_SOURCES: Labels = {
  wages: () => msg('Wages', { id: 'wizard.income.wages' }),
  'daily-wages': () => msg('Daily wages', { id: 'wizard.income.daily-wages' }),
  pension: () => msg('Pension', { id: 'wizard.income.pension' }),
  agriculture: () => msg('Farming', { id: 'wizard.income.agriculture' }),
  livestock: () => msg('Livestock', { id: 'wizard.income.livestock' }),
  'small-business': () => msg('A small business', { id: 'wizard.income.small-business' }),
  rent: () => msg('Rent from property', { id: 'wizard.income.rent' }),
  'family-support': () => msg('Support from family', { id: 'wizard.income.family-support' }),
  'other-aid': () => msg('Other aid', { id: 'wizard.income.other-aid' }),
};

export const DISABILITIES: Labels = {
  none: () => msg('No disability', { id: 'wizard.disability.none' }),
  physical: () => msg('Physical', { id: 'wizard.disability.physical' }),
  visual: () => msg('Visual', { id: 'wizard.disability.visual' }),
  hearing: () => msg('Hearing', { id: 'wizard.disability.hearing' }),
  intellectual: () => msg('Intellectual', { id: 'wizard.disability.intellectual' }),
  multiple: () => msg('More than one', { id: 'wizard.disability.multiple' }),
};

export const HOUSING: Labels = {
  owned: () => msg('Owned', { id: 'wizard.housing.owned' }),
  rented: () => msg('Rented', { id: 'wizard.housing.rented' }),
  informal: () => msg('Informal housing', { id: 'wizard.housing.informal' }),
  'with-relatives': () => msg('Living with relatives', { id: 'wizard.housing.with-relatives' }),
};

export const CHANGE_KINDS: Labels = {
  'add-newborn': () => msg('Add a newborn', { id: 'wizard.kind.add-newborn' }),
  'remove-deceased-member': () =>
    msg('Remove a member who has died', { id: 'wizard.kind.remove-deceased-member' }),
  'change-address': () => msg('Change the address', { id: 'wizard.kind.change-address' }),
  'change-agent': () => msg('Change the food or flour agent', { id: 'wizard.kind.change-agent' }),
};

export const AGENT_TYPES: Labels = {
  food: () => msg('Food agent', { id: 'wizard.agent.food' }),
  flour: () => msg('Flour agent', { id: 'wizard.agent.flour' }),
};
