/**
 * `@iq-eservices/components/hydrate`: lets the elements a server rendered
 * (`@iq-eservices/components/ssr`) take over their declarative shadow DOM in the browser instead
 * of rendering again. Import it first, before any element module (and before anything that
 * imports Lit): Lit reads it when it loads.
 *
 * Only pages rendered on the server need it: the elements' own modules do not import it.
 *
 * @example
 * import '@iq-eservices/components/hydrate';
 * import '@iq-eservices/components/login.js';
 *
 * @packageDocumentation
 * @module @iq-eservices/components/hydrate
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

/** What Lit hands the hydration support when it loads. */
interface Hydratable {
  prototype: { createRenderRoot(): HTMLElement | DocumentFragment };
}

type Support = (lit: { LitElement: Hydratable }) => void;
const support = globalThis as typeof globalThis & { litElementHydrateSupport?: Support };
const install = support.litElementHydrateSupport;

// A hydrated element keeps the server's shadow root, whose `<style>` a strict
// Content-Security-Policy (`style-src 'self'` without the styles' hashes) may have blocked: its
// styles are adopted too (constructable stylesheets, which `style-src` does not govern), as an
// element rendered in the browser has them.
support.litElementHydrateSupport = ({ LitElement }) => {
  install?.({ LitElement });
  const createRenderRoot = LitElement.prototype.createRenderRoot;
  LitElement.prototype.createRenderRoot = function (this: HTMLElement) {
    const hydrating = this.shadowRoot !== null;
    const root = createRenderRoot.call(this);
    if (hydrating && root instanceof ShadowRoot) {
      const styles = (this.constructor as { elementStyles?: (CSSStyleSheet | CSSResultLike)[] })
        .elementStyles;
      root.adoptedStyleSheets = (styles ?? []).flatMap((style) =>
        style instanceof CSSStyleSheet ? [style] : style.styleSheet ? [style.styleSheet] : [],
      );
    }
    return root;
  };
};

/** Lit's `css` result: its constructable stylesheet. */
interface CSSResultLike {
  readonly styleSheet?: CSSStyleSheet;
}
