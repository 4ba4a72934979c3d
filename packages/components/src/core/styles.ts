import { css } from 'lit';

/**
 * The design tokens. A host themes every element by setting the public `--iq-*` custom
 * properties on any ancestor (or on the element); no stylesheet import is needed. Each is read
 * once, here, into a private `--_*` property of the element with its default (`--_x` is `--iq-x`,
 * or `--iq-color-x`), and the elements' styles use only the private ones: every default is
 * written in this one place. Tokens are read where the element is, so set them on the element or
 * an ancestor, not on a part.
 *
 * The defaults below are documented on {@link IqElement} (`@cssprop`, hence in
 * custom-elements.json) and in docs/theming.md.
 */
export const tokens = css`
  :host {
    --_text: var(--iq-color-text, #0b0c0c);
    --_muted: var(--iq-color-muted, #505a5f);
    --_surface: var(--iq-color-surface, #fff);
    --_surface-muted: var(--iq-color-surface-muted, #f3f2f1);
    --_primary: var(--iq-color-primary, #00703c);
    --_on-primary: var(--iq-color-on-primary, var(--_surface));
    --_error: var(--iq-color-error, #b10e1e);
    --_border: var(--iq-color-border, var(--_text));
    --_focus: var(--iq-color-focus, #ffdd00);
    --_link: var(--iq-color-link, #1d70b8);
    --_disabled: var(--iq-color-disabled, var(--_surface-muted));
    --_skeleton: var(--iq-color-skeleton, #e8e8e8);
    --_divider: var(--iq-color-divider, #b1b4b6);
    --_radius: var(--iq-radius, 0);
    --_space: var(--iq-space, 1rem);
    /* Read here only: fields and buttons inherit them. */
    font-family: var(
      --iq-font-family,
      'Noto Sans Arabic',
      'Noto Naskh Arabic',
      system-ui,
      sans-serif
    );
    font-size: var(--iq-font-size, 1rem);
    color: var(--_text);
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
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  button.link {
    background: none;
    border: 0;
    padding-inline: 0;
    color: var(--_link);
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
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_text);
  }
`;
