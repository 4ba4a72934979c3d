import { css } from 'lit';

/** Styles of `<iq-my-requests>`: logical properties only, one sheet for RTL and LTR. */
export const myRequestsStyles = css`
  :host {
    display: block;
    max-inline-size: var(--iq-my-requests-max-width, 48rem);
    overflow-wrap: anywhere;
  }
  .root,
  section,
  .request {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.75);
    min-inline-size: 0;
  }
  .root {
    gap: calc(var(--_sp) * 1.5);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.15em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .muted {
    color: var(--_m);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_sp) * 0.5);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_sp) * 0.75);
  }
  .filter,
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.25);
    min-inline-size: 0;
  }
  label {
    font-weight: 700;
  }
  select,
  input {
    font: inherit;
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    box-sizing: border-box;
    padding-inline: 0.5rem;
    border: 2px solid var(--_b);
    border-radius: var(--_r);
    background: var(--_s);
    color: var(--_t);
  }
  select:focus-visible {
    outline: 3px solid var(--_f);
    box-shadow: 0 0 0 5px var(--_t);
  }
  input {
    inline-size: 16rem;
  }
  .invalid {
    border-inline-start: 5px solid var(--_e);
    padding-inline-start: calc(var(--_sp) * 0.75);
  }
  .invalid input {
    border-color: var(--_e);
  }
  .error {
    color: var(--_e);
    font-weight: 700;
  }
  .lookup {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_sp) * 0.5);
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_sp);
  }
  .request {
    padding: var(--_sp);
    border: 1px solid var(--_b);
    border-inline-start-width: 5px;
    align-items: flex-start;
  }
  .request[data-status='approved'] {
    border-inline-start-color: var(--_p);
  }
  .request[data-status='rejected'],
  .request[data-status='needs-information'] {
    border-inline-start-color: var(--_e);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: calc(var(--_sp) * 0.5);
    margin: 0;
    inline-size: 100%;
  }
  dt {
    color: var(--_m);
    font-size: 0.9em;
  }
  dd {
    margin: 0;
    min-inline-size: 0;
  }
  .reference {
    font-family: ui-monospace, monospace;
  }
  .badge {
    font-weight: 700;
  }
  .timeline {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.25);
    border-inline-start: 2px solid var(--_b);
    padding-inline-start: calc(var(--_sp) * 0.75);
  }
  .timeline li {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_sp) * 0.5);
  }
  .timeline [aria-current='step'] .step-status {
    font-weight: 700;
  }
  .timeline .upcoming {
    color: var(--_m);
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_sp);
    border: 1px solid var(--_dv);
  }
  .bone {
    display: block;
    block-size: 1rem;
    inline-size: 70%;
    background: var(--_sk);
  }
  .bone:first-child {
    inline-size: 40%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
    @keyframes pulse {
      to {
        opacity: 0.5;
      }
    }
  }
`;
