import { css } from 'lit';

/** Styles of `<iq-ration-card>`: logical properties only, one sheet for RTL and LTR. */
export const rationCardStyles = css`
  :host {
    display: block;
    max-inline-size: var(--iq-ration-card-max-width, 48rem);
    overflow-wrap: anywhere;
  }
  .root,
  .content {
    display: flex;
    flex-direction: column;
    gap: var(--_sp);
  }
  section {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.5);
    border-block-start: 1px solid var(--_b);
    padding-block-start: calc(var(--_sp) * 0.75);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.2em;
  }
  h4 {
    font-size: 1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .muted {
    color: var(--_m);
  }
  .status {
    padding-block: calc(var(--_sp) * 0.75);
    padding-inline: var(--_sp);
    border-inline-start: 5px solid var(--_p);
  }
  .status.blocked {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_sp) * 0.5);
    border-inline-start-color: var(--_e);
  }
  .status.blocked h3 {
    color: var(--_e);
  }
  .problem {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_sp) * 0.5);
    padding: var(--_sp);
    border: 3px solid var(--_e);
  }
  .details {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: calc(var(--_sp) * 0.75);
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .number {
    font-size: 1.25em;
    letter-spacing: 0.05em;
  }
  a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    color: var(--_l);
  }
  .members {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: calc(var(--_sp) * 0.5);
  }
  .member,
  .month {
    display: flex;
    flex-direction: column;
    padding: calc(var(--_sp) * 0.5);
    border: 1px solid var(--_m);
  }
  .name {
    font-weight: 700;
  }
  .history {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.5);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: calc(var(--_sp) * 0.75);
    padding-block: 0.25rem;
  }
  .item {
    font-weight: 700;
    min-inline-size: 6rem;
  }
  .badge {
    padding-inline: 0.5rem;
    border: 1px solid currentColor;
  }
  .badge.received {
    color: var(--_p);
  }
  .badge.not-distributed {
    color: var(--_e);
  }
  .request-list {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.5);
  }
  .request {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: calc(var(--_sp) * 0.75);
    row-gap: 0.25rem;
    padding: calc(var(--_sp) * 0.5);
    border: 1px solid var(--_m);
  }
  .request .kind {
    font-weight: 700;
  }
  .badge.approved {
    color: var(--_p);
  }
  .badge.rejected,
  .badge.needs-information {
    color: var(--_e);
  }
  .problem.small {
    padding: calc(var(--_sp) * 0.5);
    border-width: 2px;
  }
  .stale .status,
  .stale .details {
    opacity: 0.85;
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .bone {
    display: block;
    block-size: 1.25rem;
    inline-size: 100%;
    max-inline-size: 20rem;
    background: var(--_sk);
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media print {
    /* One clean page: status, details with the agents, members and this month's entitlement. */
    button,
    .problem,
    .skeleton,
    [part='history'],
    [part='requests'] {
      display: none !important;
    }
    :host {
      max-inline-size: none;
      color: #000;
      font-size: 10pt;
    }
    * {
      box-shadow: none !important;
      background: transparent !important;
      text-shadow: none !important;
      animation: none !important;
    }
    .root,
    .content {
      gap: 0.5rem;
    }
    .stale .status,
    .stale .details {
      opacity: 1;
    }
    .members {
      grid-template-columns: repeat(3, 1fr);
      gap: 0.25rem;
    }
    .member,
    .line {
      break-inside: avoid;
    }
    .member {
      padding: 0.25rem;
    }
    a {
      min-block-size: 0;
      color: inherit;
      text-decoration: none;
    }
  }
`;
