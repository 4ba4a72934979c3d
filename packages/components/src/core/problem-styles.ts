import { css } from 'lit';
// A module of its own: a stylesheet is built when its module loads, so only the elements that
// import it carry it.

/**
 * The problem box's look, for an element's `static styles`: a bordered column with the sentence,
 * the reference and the button; `small` (a section's own problem) has a thinner border.
 */
export const problemStyles = css`
  .problem {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_sp) * 0.5);
    padding: var(--_sp);
    border: 3px solid var(--_e);
  }
  .problem p {
    margin: 0;
  }
  .problem.small {
    padding: calc(var(--_sp) * 0.75);
    border-width: 2px;
  }
`;
