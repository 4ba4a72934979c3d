import { css } from 'lit';

/** The wizard's styles: logical properties only, 44 px targets, readable at 320 px. */
export const updateWizardStyles = css`
  :host {
    display: block;
    max-inline-size: var(--iq-update-wizard-max-width, 40rem);
  }
  .title,
  .progress,
  .hint,
  .muted {
    color: var(--_m);
    margin-block: 0.25rem;
  }
  h2 {
    margin-block: 0.25rem 1rem;
    font-size: 1.5em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
    margin-block: 1rem 0.5rem;
  }
  h2:focus,
  h3:focus,
  select:focus-visible {
    outline: 3px solid var(--_f);
  }
  .field {
    margin: 0 0 1.25rem;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .invalid {
    border-inline-start: 5px solid var(--_e);
    padding-inline-start: 0.75rem;
  }
  .label,
  legend,
  dt {
    display: block;
    font-weight: 700;
    padding: 0;
  }
  .error {
    color: var(--_e);
    font-weight: 700;
    margin-block: 0.25rem;
  }
  input[type='text'],
  select {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_b);
    border-radius: var(--_r);
    background: var(--_s);
    color: inherit;
  }
  [dir='ltr'] {
    max-inline-size: 14em;
  }
  [aria-invalid='true'] {
    border: 3px solid var(--_e);
  }
  :disabled {
    background: var(--_d);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1.5rem;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
  }
  .summary {
    border: 4px solid var(--_e);
    padding: 1rem;
  }
  .summary a {
    color: var(--_e);
    font-weight: 700;
  }
  .notice {
    border-inline-start: 5px solid var(--_l);
    padding: 0.5rem 1rem;
    background: var(--_sm);
  }
  .members,
  .documents {
    list-style: none;
    padding: 0;
  }
  .member,
  .document,
  .identity div,
  .answer {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.25rem 1rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_dv);
  }
  .answer dt {
    flex: 1 1 12rem;
  }
  .answer dd:first-of-type {
    flex: 2 1 14rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* The name read after Change and Remove: in a 1 px box it runs on past the row (to the left
     in Arabic), where screen readers draw their focus box. As wide as the row, it wraps inside. */
  .member .visually-hidden {
    inset: 0;
    inline-size: auto;
    white-space: normal;
  }
  .member-form {
    border: 0;
    padding: 0;
  }
  .tag {
    /* In flow, clear of the lines around it: an inline box's border spills over them, and the
       Arabic fonts' glyph boxes reach past a 1.5 line height. */
    display: inline-block;
    margin-block: 0.375rem;
    padding-inline: 0.375rem;
    border: 2px solid;
  }
  summary {
    color: var(--_l);
    text-decoration: underline;
    min-block-size: 2.75rem;
    cursor: pointer;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_dv);
    overflow-wrap: anywhere;
  }
  .panel {
    background: var(--_p);
    color: var(--_op);
    padding: 1.5rem;
    text-align: center;
  }
  .reference {
    font-size: 1.5em;
  }
`;
