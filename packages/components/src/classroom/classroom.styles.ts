import { css } from 'lit';

/** Styles of `<iq-classroom>`: logical properties only, one sheet for RTL and LTR. */
export const classroomStyles = css`
  :host {
    display: block;
    max-inline-size: var(--iq-classroom-max-width, 52rem);
    overflow-wrap: anywhere;
  }
  .root,
  section,
  .course,
  .lecture,
  .material {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.5);
    min-inline-size: 0;
  }
  .root {
    gap: calc(var(--_sp) * 1.5);
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
    font-size: 1.05em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_sp) * 0.75);
  }
  .muted {
    color: var(--_m);
  }
  .error {
    color: var(--_e);
    font-weight: 600;
  }
  .live {
    border-inline-start: 0.4rem solid var(--_p);
    padding-inline-start: calc(var(--_sp) * 0.75);
  }
  .badge {
    display: inline-block;
    background: var(--_p);
    color: var(--_op);
    padding-inline: 0.5em;
    border-radius: var(--_r);
    font-weight: 600;
    margin-inline-end: 0.5em;
  }
  .lecture-title,
  .material-title {
    font-weight: 600;
  }
  .countdown {
    font-weight: 600;
  }
  .course {
    border-block-start: 1px solid var(--_dv);
    padding-block-start: calc(var(--_sp) * 0.75);
  }
  .material {
    background: var(--_sm);
    padding: calc(var(--_sp) * 0.75);
    border-radius: var(--_r);
  }
  .actions,
  .download,
  .storage {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_sp) * 0.5);
  }
  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    accent-color: var(--_p);
  }
  .offline {
    border: 2px solid var(--_b);
    padding: calc(var(--_sp) * 0.5);
  }
  a.link {
    color: var(--_l);
  }
`;
