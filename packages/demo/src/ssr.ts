// The portal's first page rendered on the server (server.mjs, built to dist/ssr.js): the header's
// title, the introduction and the sign-in form, in the page's language, before any script runs.
// main.ts adopts these nodes and <iq-login> hydrates.
import { html, renderToString, styleHashes } from '@iq-eservices/components/ssr';
import { message, type Lang, type MessageKey } from './messages.js';

/** What the page holds in `#app` for `lang`, and the sources of its styles for `style-src`. */
export async function renderSignInPage(
  lang: Lang,
): Promise<{ title: string; app: string; styles: string[] }> {
  const t = (key: MessageKey) => message(lang, key);
  // The same nodes as main.ts's render() makes (header, intro, <iq-login>, the home slot).
  const app = await renderToString(
    html`<header><h1>${t('title')}</h1></header>
      <main>
        <p class="intro">
          ${t('intro')} ${t('sandboxNote')} <bdi dir="ltr">123456</bdi> —
          <bdi dir="ltr">199012345678</bdi>
        </p>
        <iq-login></iq-login>
        <div id="home"></div>
      </main>`,
    { locale: lang },
  );
  return { title: t('title'), app, styles: await styleHashes(app) };
}
