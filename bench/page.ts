// The benchmark page (bundled by scripts/bench.mjs): `<iq-ration-card>` and the hand-written
// baseline, driven the same way, interleaved, in one page. Results go back to Node through
// `window.bench`; nothing is printed here.
import type { CSSResultOrNative, LitElement } from 'lit';
import '../packages/components/src/define/ration-card.js';
import { getLocale } from '../packages/components/src/core/localization.js';
import { BENCH_DATA, type BenchData } from './data.js';
import { VanillaRationCard } from './vanilla-ration-card.js';

customElements.define('vanilla-ration-card', VanillaRationCard);

/** What both elements offer the benchmark. */
type Renderer = HTMLElement & { data: BenchData; updateComplete: Promise<unknown> };
type Tag = 'iq-ration-card' | 'vanilla-ration-card';

// The baseline adopts the very stylesheets the Lit element adopts, so that both pay the same
// style and layout cost and the ratio measures rendering, not CSS.
const lit = customElements.get('iq-ration-card') as unknown as typeof LitElement;
VanillaRationCard.styles = lit.elementStyles
  .map((s: CSSResultOrNative) => (s instanceof CSSStyleSheet ? s : s.styleSheet))
  .filter((s): s is CSSStyleSheet => s !== undefined);

/** One cycle: create → set data → append → await the render → force layout → remove. */
async function cycle(tag: Tag): Promise<number> {
  const start = performance.now();
  const el = document.createElement(tag) as Renderer;
  el.data = BENCH_DATA;
  document.body.append(el);
  await el.updateComplete;
  void el.offsetHeight;
  el.remove();
  return performance.now() - start;
}

/** Lets pending tasks run and collects garbage (when exposed) between samples, untimed. */
async function settle(): Promise<void> {
  (window as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once the Arabic messages are loaded (the page is `<html lang="ar">`). */
async function arabicReady(): Promise<void> {
  const until = performance.now() + 10_000;
  while (getLocale() !== 'ar') {
    if (performance.now() > until) throw new Error(`locale is still ${getLocale()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Renders one of each and returns their text (whitespace removed) and element counts. */
async function snapshot(tag: Tag): Promise<{ text: string; elements: number }> {
  const el = document.createElement(tag) as Renderer;
  el.data = BENCH_DATA;
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot as ShadowRoot;
  const result = {
    text: (root.textContent ?? '').replace(/\s+/g, ''),
    elements: root.querySelectorAll('*').length,
  };
  el.remove();
  return result;
}

async function run(rounds: number, warmup: number) {
  await arabicReady();
  const litShot = await snapshot('iq-ration-card');
  const vanillaShot = await snapshot('vanilla-ration-card');
  const times: Record<Tag, number[]> = { 'iq-ration-card': [], 'vanilla-ration-card': [] };
  for (let i = 0; i < warmup + rounds; i++) {
    // Alternate which goes first, so neither always runs on a warmer or a dirtier heap.
    const order: Tag[] =
      i % 2 ? ['vanilla-ration-card', 'iq-ration-card'] : ['iq-ration-card', 'vanilla-ration-card'];
    for (const tag of order) {
      await settle();
      const ms = await cycle(tag);
      if (i >= warmup) times[tag].push(ms);
    }
  }
  return {
    locale: getLocale(),
    lit: times['iq-ration-card'],
    vanilla: times['vanilla-ration-card'],
    sameText: litShot.text === vanillaShot.text,
    litText: litShot.text,
    vanillaText: vanillaShot.text,
    litElements: litShot.elements,
    vanillaElements: vanillaShot.elements,
    isolated: crossOriginIsolated,
  };
}

declare global {
  interface Window {
    bench: typeof run;
  }
}
window.bench = run;
