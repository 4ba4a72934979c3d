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
    gap: calc(var(--_sp) * 0.75);
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
    color: var(--_m);
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
    margin-block-end: calc(var(--_sp) * 0.25);
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
    border: 2px solid var(--_b);
    background: var(--_s);
    cursor: pointer;
    text-align: center;
  }
  .segments label + label {
    margin-inline-start: -2px;
  }
  .segments label:has(input:checked) {
    background: var(--_p);
    color: var(--_op);
    font-weight: 700;
  }
  .segments input {
    margin: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    accent-color: var(--_t);
  }
  .segments label:has(input:focus-visible) {
    z-index: 1;
    outline: 3px solid var(--_f);
    box-shadow: 0 0 0 5px var(--_t);
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
    gap: calc(var(--_sp) * 0.5);
    padding: calc(var(--_sp) * 0.75);
    border: 4px solid var(--_e);
    background: var(--_s);
  }
  .error-summary:focus {
    outline: 3px solid var(--_f);
  }
  .error-summary p:first-child {
    font-weight: 700;
    font-size: 1.125em;
  }
  .error-summary a {
    color: var(--_e);
    font-weight: 700;
  }
  .notice {
    padding: calc(var(--_sp) * 0.5) calc(var(--_sp) * 0.75);
    border-inline-start: 6px solid var(--_l);
    background: var(--_sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_sp) * 0.5);
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
    color: var(--_m);
  }
  .user-name {
    display: block;
    font-weight: 700;
    color: var(--_t);
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_sp) * 1.5);
    border: 4px solid var(--_b);
    border-radius: var(--_r);
    background: var(--_s);
    color: var(--_t);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(11 12 12 / 0.8);
  }
  dialog .body {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.75);
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
