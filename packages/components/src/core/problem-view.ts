import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isRetryable, problemMessage, type Problem } from './problem.js';

/** What {@link renderProblem} shows besides the problem. */
export interface ProblemViewOptions {
  /** The box's id (focus goes to it after a failure). Default `problem`. */
  id?: string;
  /** The element's own sentence; default {@link problemMessage}. */
  text?: string;
  /** More lines below the sentence (e.g. "what is shown may be out of date"). */
  detail?: TemplateResult | string;
  /** "Try again": shown when given and the problem is retryable. */
  retry?: () => void;
  /** Extra classes of the box. */
  classes?: string;
  /** The box's part name. Default `problem`. */
  part?: string;
}

/**
 * One problem, as every element shows it: a focusable alert (`part="problem"` unless told) with the sentence,
 * the support reference (the request id, in a left-to-right island) and "Try again" where trying
 * again may help. Server text is never rendered: only the library's sentences and the id.
 */
export function renderProblem(problem: Problem, options: ProblemViewOptions = {}): TemplateResult {
  const { id = 'problem', retry } = options;
  return html`<div
    class="problem ${options.classes ?? ''}"
    part=${options.part ?? 'problem'}
    id=${id}
    tabindex="-1"
    role="alert"
  >
    <p>${options.text ?? problemMessage(problem)}</p>
    ${options.detail ? html`<p>${options.detail}</p>` : nothing}
    ${
      problem.requestId
        ? html`<p class="muted">
            ${msg('Reference:', { id: 'problem.reference' })}
            <bdi dir="ltr">${problem.requestId}</bdi>
          </p>`
        : nothing
    }
    ${
      retry && isRetryable(problem)
        ? html`<button type="button" class="secondary retry" @click=${retry}>
            ${msg('Try again', { id: 'problem.retry' })}
          </button>`
        : nothing
    }
  </div>`;
}
