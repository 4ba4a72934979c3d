import { css } from 'lit';

/**
 * The design tokens. A host themes every element by setting the public `--iq-*` custom
 * properties on any ancestor (or on the element); no stylesheet import is needed. Each is read
 * once, here, into a private property of the element with its default, and the elements' styles
 * use only the private ones: every default is written in this one place. Tokens are read where
 * the element is, so set them on the element or an ancestor, not on a part.
 *
 * The private names are short because every element ships them (each letter is bytes on a
 * citizen's phone); read them as the public token's initials:
 *
 * | private | token                      | private | token                 |
 * | ------- | -------------------------- | ------- | --------------------- |
 * | `--_t`  | `--iq-color-text`          | `--_f`  | `--iq-color-focus`    |
 * | `--_m`  | `--iq-color-muted`         | `--_l`  | `--iq-color-link`     |
 * | `--_s`  | `--iq-color-surface`       | `--_d`  | `--iq-color-disabled` |
 * | `--_sm` | `--iq-color-surface-muted` | `--_sk` | `--iq-color-skeleton` |
 * | `--_p`  | `--iq-color-primary`       | `--_dv` | `--iq-color-divider`  |
 * | `--_op` | `--iq-color-on-primary`    | `--_r`  | `--iq-radius`         |
 * | `--_e`  | `--iq-color-error`         | `--_sp` | `--iq-space`          |
 * | `--_b`  | `--iq-color-border`        |         |                       |
 *
 * The defaults are documented on {@link IqElement} (`@cssprop`, hence in custom-elements.json)
 * and in docs/theming.md.
 */
export const tokens = css`
  :host {
    --_t: var(--iq-color-text, #0b0c0c);
    --_m: var(--iq-color-muted, #505a5f);
    --_s: var(--iq-color-surface, #fff);
    --_sm: var(--iq-color-surface-muted, #f3f2f1);
    --_p: var(--iq-color-primary, #00703c);
    --_op: var(--iq-color-on-primary, var(--_s));
    --_e: var(--iq-color-error, #b10e1e);
    --_b: var(--iq-color-border, var(--_t));
    --_f: var(--iq-color-focus, #ffdd00);
    --_l: var(--iq-color-link, #1d70b8);
    --_d: var(--iq-color-disabled, var(--_sm));
    --_sk: var(--iq-color-skeleton, #e8e8e8);
    --_dv: var(--iq-color-divider, #b1b4b6);
    --_r: var(--iq-radius, 0);
    --_sp: var(--iq-space, 1rem);
    /* Read here only: fields and buttons inherit them. */
    font-family: var(
      --iq-font-family,
      'Noto Sans Arabic',
      'Noto Naskh Arabic',
      system-ui,
      sans-serif
    );
    font-size: var(--iq-font-size, 1rem);
    color: var(--_t);
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
    border-radius: var(--_r);
    background: var(--_p);
    color: var(--_op);
    cursor: pointer;
  }
  button.secondary {
    background: var(--_s);
    color: var(--_t);
    border-color: var(--_b);
  }
  button.link {
    background: none;
    border: 0;
    padding-inline: 0;
    color: var(--_l);
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_f);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_t);
  }
`;
