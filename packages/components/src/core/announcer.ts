import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The element's polite live region. A message repeated (the same error twice, "Saved." after each
 * save) is announced again: the region is emptied, then filled on the next turn, as screen
 * readers announce only changes.
 *
 * @example
 * readonly #announcer = new Announcer(this);
 * saved() { this.#announcer.announce(msg('Saved.', { id: 'x.saved' })); }
 * render() { return html`… ${this.#announcer.render()}`; }
 */
export class Announcer {
  /** What the region says now. */
  text = '';
  #turn = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Says `text` (again, if it is what the region already says). */
  announce(text: string): void {
    const turn = ++this.#turn;
    const repeated = text === this.text;
    this.#set(repeated ? '' : text);
    if (repeated)
      setTimeout(() => {
        if (turn === this.#turn) this.#set(text);
      }, 50);
  }

  /** Empties the region. */
  clear(): void {
    this.#turn++;
    this.#set('');
  }

  /** The live region, visually hidden; render it once, where it stays in the DOM. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }

  #set(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
