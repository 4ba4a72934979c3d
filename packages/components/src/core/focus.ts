import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Moves focus after the next render, to what that render shows: a heading after a change of
 * view, a problem after a failure, a list after an item is added. The last request wins.
 *
 * @example
 * readonly #focus = new FocusController(this);
 * fail(problem) { this.problem = problem; this.#focus.to('#problem'); }
 */
export class FocusController implements ReactiveController {
  #selector: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** Focuses the first element matching `selector` in the host's shadow root after its next render. */
  to(selector: string): void {
    this.#selector = selector;
    this.host.requestUpdate();
  }

  /** Whether a move is waiting for the next render. */
  get pending(): boolean {
    return this.#selector !== null;
  }

  /** @internal */
  hostUpdated(): void {
    const selector = this.#selector;
    if (!selector) return;
    this.#selector = null;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
