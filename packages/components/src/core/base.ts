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
 *
 * The design tokens every element reads (core/styles.ts; docs/theming.md), set on the element or
 * any ancestor:
 *
 * @cssprop [--iq-font-family='Noto Sans Arabic', 'Noto Naskh Arabic', system-ui, sans-serif] - All text (default `'Noto Sans Arabic', 'Noto Naskh Arabic', system-ui, sans-serif`).
 * @cssprop [--iq-font-size=1rem] - Base text size; fields use 1.125 times it (default `1rem`).
 * @cssprop [--iq-color-text=#0b0c0c] - Text, and the dark ring of the focus indicator (default `#0b0c0c`).
 * @cssprop [--iq-color-muted=#505a5f] - Hints and secondary text (default `#505a5f`).
 * @cssprop [--iq-color-surface=#fff] - Backgrounds of fields, secondary buttons and dialogs (default `#fff`).
 * @cssprop [--iq-color-surface-muted=#f3f2f1] - Background of notices (default `#f3f2f1`).
 * @cssprop [--iq-color-primary=#00703c] - Primary buttons, the chosen option, success (default `#00703c`).
 * @cssprop [--iq-color-on-primary=var(--iq-color-surface)] - Text on primary buttons and panels (default `--iq-color-surface`, `#fff`).
 * @cssprop [--iq-color-error=#b10e1e] - Error messages, the error summary, invalid field borders (default `#b10e1e`).
 * @cssprop [--iq-color-border=var(--iq-color-text)] - Borders of fields, secondary buttons and sections (default `--iq-color-text`, `#0b0c0c`).
 * @cssprop [--iq-color-focus=#ffdd00] - The focus outline, inside a `--iq-color-text` ring (default `#ffdd00`).
 * @cssprop [--iq-color-link=#1d70b8] - Links and link-styled buttons, the edge of notices (default `#1d70b8`).
 * @cssprop [--iq-color-disabled=var(--iq-color-surface-muted)] - Background of disabled fields (default `--iq-color-surface-muted`, `#f3f2f1`).
 * @cssprop [--iq-color-skeleton=#e8e8e8] - Placeholders shown while loading (default `#e8e8e8`).
 * @cssprop [--iq-color-divider=#b1b4b6] - Lines between rows of lists and tables (default `#b1b4b6`).
 * @cssprop [--iq-radius=0] - Corners of fields, buttons and dialogs (default `0`).
 * @cssprop [--iq-space=1rem] - The spacing unit: every gap is a multiple of it (default `1rem`).
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
