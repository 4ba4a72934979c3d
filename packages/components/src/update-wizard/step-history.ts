import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the history entries of the wizard hold: the step id only, never an answer. */
interface HistoryState {
  iqWizard?: string;
  step?: string;
}

/**
 * The browser's Back and Forward move between the wizard's steps: each step shown is a history
 * entry of the page (`pushState`), holding the flow and the step id — never an answer — beside
 * the host's own state (a router's keys). On `popstate` to an entry of this flow, `go` is called
 * with its step; the listener is removed when the element leaves the page.
 */
export class StepHistory implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    /** The flow the entries belong to (the `flow` attribute). */
    private readonly flow: () => string,
    /** Shows `step` (without a new entry), if it is one the citizen may be on. */
    private readonly go: (step: string) => void,
  ) {
    host.addController(this);
  }

  /** A new entry for `step` (a step the citizen moves to). */
  push(step: string): void {
    history.pushState(this.#state(step), '');
  }

  /** The current entry is `step` (where the wizard starts or resumes). */
  replace(step: string): void {
    history.replaceState(this.#state(step), '');
  }

  readonly #onPopState = (event: PopStateEvent) => {
    const state = event.state as HistoryState | null;
    if (state?.iqWizard === this.flow() && state.step) this.go(state.step);
  };

  /** @internal */
  hostConnected(): void {
    addEventListener('popstate', this.#onPopState);
  }

  /** @internal */
  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
  }

  #state(step: string): HistoryState {
    const host: unknown = history.state;
    return { ...(host && typeof host === 'object' ? host : {}), iqWizard: this.flow(), step };
  }
}
