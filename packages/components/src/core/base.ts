import { LitElement, type PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { EServicesClient } from '@iq-eservices/api';
import { getConfig } from './config.js';
import { formatter, type Formatter, type Numerals } from './format.js';
import { getLocale, localeReady, startLocalization } from './localization.js';
import { tokens } from './styles.js';

void startLocalization();

/**
 * The base of every element: tokens, locale-aware re-rendering, formatting with the `numerals`
 * setting, and the client from `configure()` or the element's own `client` property.
 */
export class IqElement extends LitElement {
  static override styles = [tokens];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    numerals: { reflect: true },
    client: { attribute: false },
  };

  /**
   * Digits to show: `latn` (0-9) or `arab` (٠-٩). Defaults to `configure({ numerals })`, then to
   * what the locale uses (Arabic-Indic for ar and ckb, Latin for en).
   */
  numerals?: Numerals;

  /** The client to fetch through; defaults to the one given to `configure({ client })`. */
  client?: EServicesClient;

  constructor() {
    super();
    // Every element re-renders when the locale changes, including those upgraded before the
    // library finished loading (the embedded case).
    updateWhenLocaleChanges(this);
  }

  /**
   * The first render waits for the page's language and this element's messages: the built
   * packages carry no text of their own (English loads like Arabic and Kurdish), so an element
   * never shows empty labels, nor words in another language, before its messages arrive.
   * @internal
   */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Lit's own signature
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return localeReady().then(() => super.scheduleUpdate());
  }

  /** Formatters for the current locale and numerals. */
  protected get format(): Formatter {
    return formatter(getLocale(), this.numerals ?? getConfig().numerals);
  }

  /** The client in force, if any. */
  protected get api(): EServicesClient | undefined {
    return this.client ?? getConfig().client;
  }
}
