import { css } from 'lit';

/** Styles of `<iq-login>`: logical properties only, so one sheet serves RTL and LTR. */
export const loginStyles = css`
  :host {
    display: block;
    max-inline-size: var(--iq-login-max-width, 34rem);
  }
  form,
  .signed-in {
    display: flex;
    flex-direction: column;
    gap: calc(var(--iq-space, 1rem) * 0.75);
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.25;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--iq-color-muted, #505a5f);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    font-weight: 700;
    margin-block-end: calc(var(--iq-space, 1rem) * 0.25);
  }
  /* The method choice: a native radio group drawn as a segmented control. */
  .segments {
    display: flex;
    flex-wrap: wrap;
  }
  .segments label {
    position: relative;
    flex: 1 1 8rem;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    box-sizing: border-box;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--iq-color-border, #0b0c0c);
    background: var(--iq-color-surface, #ffffff);
    cursor: pointer;
    text-align: center;
  }
  .segments label + label {
    margin-inline-start: -2px;
  }
  .segments label:has(input:checked) {
    background: var(--iq-color-primary, #00703c);
    color: var(--iq-color-on-primary, #ffffff);
    font-weight: 700;
  }
  .segments input {
    margin: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    accent-color: var(--iq-color-text, #0b0c0c);
  }
  .segments label:has(input:focus-visible) {
    z-index: 1;
    outline: 3px solid var(--iq-color-focus, #ffdd00);
    box-shadow: 0 0 0 5px var(--iq-color-text, #0b0c0c);
  }
  .segments input:focus-visible {
    outline: none;
    box-shadow: none;
  }
  /* A problem (core/problem-view.ts): the title, the sentence, the reference, "Try again". */
  .error-summary {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--iq-space, 1rem) * 0.5);
    padding: calc(var(--iq-space, 1rem) * 0.75);
    border: 4px solid var(--iq-color-error, #b10e1e);
    background: var(--iq-color-surface, #ffffff);
  }
  .error-summary:focus {
    outline: 3px solid var(--iq-color-focus, #ffdd00);
  }
  .error-summary p:first-child {
    font-weight: 700;
    font-size: 1.125em;
  }
  .error-summary a {
    color: var(--iq-color-error, #b10e1e);
    font-weight: 700;
  }
  .notice {
    padding: calc(var(--iq-space, 1rem) * 0.5) calc(var(--iq-space, 1rem) * 0.75);
    border-inline-start: 6px solid #1d70b8;
    background: #f3f2f1;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--iq-space, 1rem) * 0.5);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  bdi.ltr {
    unicode-bidi: isolate;
    direction: ltr;
    white-space: nowrap;
  }
  .signed-in {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
  }
  .signed-in h2 {
    font-size: 1em;
    font-weight: 400;
    color: var(--iq-color-muted, #505a5f);
  }
  .user-name {
    display: block;
    font-weight: 700;
    color: var(--iq-color-text, #0b0c0c);
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--iq-space, 1rem) * 1.5);
    border: 4px solid var(--iq-color-border, #0b0c0c);
    border-radius: var(--iq-radius, 0);
    background: var(--iq-color-surface, #ffffff);
    color: var(--iq-color-text, #0b0c0c);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(11 12 12 / 0.8);
  }
  dialog .body {
    display: flex;
    flex-direction: column;
    gap: calc(var(--iq-space, 1rem) * 0.75);
  }
  .countdown {
    font-weight: 700;
  }
  @media (max-width: 30rem) {
    .actions button:not(.link) {
      flex: 1 1 100%;
    }
  }
`;
