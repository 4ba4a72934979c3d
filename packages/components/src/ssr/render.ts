/**
 * `@iq-eservices/components/ssr`: the library's elements rendered to HTML on a Node server, with
 * declarative shadow DOM (`<template shadowrootmode="open">`), in the page's language. The page
 * shows them before any script runs; in the browser, `@iq-eservices/components/hydrate` (loaded
 * before the elements) makes them interactive without rendering them again.
 *
 * Importing this module defines every element (for the server's renderer) and registers every
 * message of the library: each language's messages load once, at the first page in it.
 *
 * @example
 * import { html, renderToString } from '@iq-eservices/components/ssr';
 *
 * const body = await renderToString(
 *   html`<iq-login></iq-login><iq-ration-card .data=${data}></iq-ration-card>`,
 *   { locale: 'ar' },
 * );
 *
 * @packageDocumentation
 * @module @iq-eservices/components/ssr
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, type TemplateResult } from 'lit';
import {
  DEFAULT_LOCALE,
  loadMessages,
  localeFromTag,
  renderingIn,
  useMessages,
} from '../core/localization.js';
import type { Locale } from '../core/format.js';
import { messages } from '../generated/messages/all.js';
// Every element: a page may render any of them (test/ssr-elements.test.ts checks the list).
import '../define/classroom.js';
import '../define/login.js';
import '../define/my-requests.js';
import '../define/national-id-input.js';
import '../define/otp-input.js';
import '../define/payment-form.js';
import '../define/phone-input.js';
import '../define/ration-card.js';
import '../define/update-wizard.js';

// The whole catalogue, one module per language: a server renders whichever element a page holds.
useMessages(messages);

/**
 * Lit's `html` tag, the one the library's elements are rendered with: write the page's elements
 * with it (`.data=${…}` sets a property, as in the browser).
 */
export { html };

/** Options of {@link renderToString}. */
export interface ServerRenderOptions {
  /**
   * The language to render in: `ar` (the default), `ckb` or `en`, or a tag read as `<html lang>`
   * is in the browser (`ar-IQ`, `ku` for Sorani). Give the page the same `<html lang>`: in the
   * browser the elements hydrate in the page's language, and must find what the server rendered.
   */
  locale?: Locale | string;
}

/**
 * Renders `template` (the library's elements, with their attributes and properties) to HTML in
 * a language: each element's shadow root as declarative shadow DOM, its text in that language,
 * with the markers Lit hydrates from. Nothing is fetched on the server: `<iq-ration-card>` shows
 * its `data`, or renders loading (it fetches once hydrated); `<iq-login>` renders its first step,
 * the sign-in form.
 *
 * Requests in different languages may be rendered at the same time: the language's messages load
 * first (once per language), then the template renders at once, synchronously, in that language.
 *
 * @param template - What to render, written with {@link html}.
 * @param options - The language.
 * @returns The HTML, to put in the page's `<body>`.
 */
export async function renderToString(
  template: TemplateResult,
  options: ServerRenderOptions = {},
): Promise<string> {
  const locale = localeFromTag(options.locale) ?? DEFAULT_LOCALE;
  await loadMessages(locale);
  return renderingIn(locale, () => collectResultSync(render(template))).replace(
    BOOLEAN_PROPERTIES,
    (_, name: string, value: string) => (value === 'true' ? ` ${name}` : ''),
  );
}

/**
 * Boolean properties of native elements bound in a template (`.checked=${false}`), which Lit's
 * server renderer writes as attributes with their value: `checked="false"` would check a radio.
 * They are written as HTML's boolean attributes (present or absent). Text and other attributes
 * cannot match: the renderer escapes quotes in both.
 */
const BOOLEAN_PROPERTIES = /\s(checked|disabled|selected|multiple|readonly)="(true|false)"/g;

/**
 * A `<script type="application/json">` holding `value`, for the browser to read back what the
 * server rendered with (`JSON.parse(document.getElementById(id).textContent)`), e.g. the
 * `data` of `<iq-ration-card>`. `<`, `>`, `&` and the line separators are escaped: no value can
 * close the script or run as markup.
 *
 * @param id - The element's `id`.
 * @param value - Anything JSON can represent.
 * @returns The element's HTML.
 */
export function jsonScript(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const safeId = id.replace(/[^\w-]/g, '');
  return `<script type="application/json" id="${safeId}">${json}</script>`;
}

/**
 * The Content-Security-Policy sources (`'sha256-…'`) of the `<style>` elements in `html` (each
 * element's shadow root has one). Add them to `style-src` so that a page under a strict policy
 * (`style-src 'self'`) is styled before any script runs; without them it is styled only once
 * hydrated. They change only when the library's styles do: compute them per page, or once.
 *
 * @param html - What {@link renderToString} returned.
 * @returns The sources, each once, e.g. `'sha256-…'`.
 */
export async function styleHashes(html: string): Promise<string[]> {
  const styles = new Set([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? ''));
  return Promise.all(
    [...styles].map(async (css) => {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
      return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
    }),
  );
}
