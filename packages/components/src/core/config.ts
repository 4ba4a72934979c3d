import type { EServicesClient } from '@iq-eservices/api';
import type { Numerals } from './format.js';

/** What the host configures once for every element. */
export interface IqConfig {
  /** The client elements fetch through (an element's own `client` property wins). */
  client?: EServicesClient;
  /** Digits every element shows; by default what the locale uses. */
  numerals?: Numerals;
}

let config: IqConfig = {};

/**
 * Configures every element of the library once, e.g. `configure({ client: createEServicesClient(…) })`.
 * Later calls replace the values they name.
 */
export function configure(options: IqConfig): void {
  config = { ...config, ...options };
}

/** The configuration in force. */
export function getConfig(): Readonly<IqConfig> {
  return config;
}
