import { css } from 'lit';

/**
 * The design tokens, as CSS custom properties with their defaults written where they are used:
 * no stylesheet import is needed, and a host themes every element by setting `--iq-*` on any
 * ancestor.
 *
 * - `--iq-font-family` — text (default: Noto Sans Arabic, Noto Naskh Arabic, system-ui)
 * - `--iq-font-size` — base size (default 1rem)
 * - `--iq-color-text` (#0b0c0c), `--iq-color-muted` (#505a5f), `--iq-color-surface` (#ffffff)
 * - `--iq-color-primary` (#00703c), `--iq-color-on-primary` (#ffffff)
 * - `--iq-color-error` (#b10e1e), `--iq-color-border` (#0b0c0c), `--iq-color-focus` (#ffdd00)
 * - `--iq-radius` (0), `--iq-space` (1rem: the unit every gap is a multiple of)
 */
export const tokens = css`
  :host {
    font-family: var(
      --iq-font-family,
      'Noto Sans Arabic',
      'Noto Naskh Arabic',
      system-ui,
      sans-serif
    );
    font-size: var(--iq-font-size, 1rem);
    color: var(--iq-color-text, #0b0c0c);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border: 2px solid transparent;
    border-radius: var(--iq-radius, 0);
    background: var(--iq-color-primary, #00703c);
    color: var(--iq-color-on-primary, #ffffff);
    cursor: pointer;
  }
  button.secondary {
    background: var(--iq-color-surface, #ffffff);
    color: var(--iq-color-text, #0b0c0c);
    border-color: var(--iq-color-border, #0b0c0c);
  }
  button.link {
    background: none;
    border: 0;
    padding-inline: 0;
    color: #1d70b8;
    text-decoration: underline;
    min-block-size: 2.75rem;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--iq-color-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--iq-color-text, #0b0c0c);
  }
`;
