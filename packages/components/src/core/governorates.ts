import { msg } from '@lit/localize';
import type { GovernorateCode } from '@iq-eservices/api';

/**
 * The names of Iraq's 19 governorates by ISO 3166-2:IQ code (`common.yaml#/components/schemas/
 * GovernorateCode`), one catalogue message each. Halabja's code `IQ-HA` is not verified against
 * ISO 3166-2 and is kept here and in the contract only.
 */
export const GOVERNORATES: Readonly<Record<string, () => string>> = {
  'IQ-BG': () => msg('Baghdad', { id: 'governorate.IQ-BG' }),
  'IQ-BA': () => msg('Basra', { id: 'governorate.IQ-BA' }),
  'IQ-NI': () => msg('Nineveh', { id: 'governorate.IQ-NI' }),
  'IQ-AR': () => msg('Erbil', { id: 'governorate.IQ-AR' }),
  'IQ-SU': () => msg('Sulaymaniyah', { id: 'governorate.IQ-SU' }),
  'IQ-DA': () => msg('Duhok', { id: 'governorate.IQ-DA' }),
  'IQ-KI': () => msg('Kirkuk', { id: 'governorate.IQ-KI' }),
  'IQ-DI': () => msg('Diyala', { id: 'governorate.IQ-DI' }),
  'IQ-AN': () => msg('Anbar', { id: 'governorate.IQ-AN' }),
  'IQ-BB': () => msg('Babylon', { id: 'governorate.IQ-BB' }),
  'IQ-KA': () => msg('Karbala', { id: 'governorate.IQ-KA' }),
  'IQ-NA': () => msg('Najaf', { id: 'governorate.IQ-NA' }),
  'IQ-WA': () => msg('Wasit', { id: 'governorate.IQ-WA' }),
  'IQ-SD': () => msg('Salah al-Din', { id: 'governorate.IQ-SD' }),
  'IQ-QA': () => msg('Al-Qadisiyah', { id: 'governorate.IQ-QA' }),
  'IQ-MA': () => msg('Maysan', { id: 'governorate.IQ-MA' }),
  'IQ-DQ': () => msg('Dhi Qar', { id: 'governorate.IQ-DQ' }),
  'IQ-MU': () => msg('Muthanna', { id: 'governorate.IQ-MU' }),
  'IQ-HA': () => msg('Halabja', { id: 'governorate.IQ-HA' }),
} satisfies Record<GovernorateCode, () => string>;

/** The localized name of a governorate; an unknown code is shown as it came. */
export function governorateName(code: string): string {
  return GOVERNORATES[code]?.() ?? code;
}
