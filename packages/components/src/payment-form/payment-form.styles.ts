import { css } from 'lit';

/** Styles of `<iq-payment-form>`: logical properties only, one sheet for RTL and LTR. */
export const paymentFormStyles = css`
  :host {
    display: block;
    max-inline-size: var(--iq-payment-form-max-width, 40rem);
    overflow-wrap: anywhere;
  }
  section,
  fieldset,
  .box,
  .problem,
  .text,
  .item {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  h2,
  p,
  dl,
  dd,
  ul,
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  h2 {
    font-size: 1.5em;
  }
  /* Focus moves to headings and problems for screen readers; no ring on them. */
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  ul {
    list-style: none;
  }
  .muted {
    color: var(--_m);
  }
  .item {
    gap: 0;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_b);
  }
  .line,
  .choice,
  dl > div,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: space-between;
  }
  .choice,
  .actions {
    justify-content: start;
  }
  .choice {
    flex-wrap: nowrap;
    min-block-size: 2.75rem;
  }
  .choice input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
  }
  .title,
  .amount,
  .total,
  dt,
  .what,
  .overdue {
    font-weight: 700;
  }
  .why,
  .overdue {
    color: var(--_e);
  }
  .box,
  .problem {
    align-items: start;
    padding: var(--_sp);
    border: 3px solid var(--_e);
  }
  .ok {
    align-items: stretch;
    border-color: var(--_p);
  }
  .bone {
    block-size: 1.25rem;
    margin-block-end: 0.5rem;
    background: var(--_sk);
  }
  @media print {
    /* Only the receipt, on A4, without buttons. */
    @page {
      size: A4;
      margin: 15mm;
    }
    section > :not(h2, [part='receipt']) {
      display: none !important;
    }
  }
`;
