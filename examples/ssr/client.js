// The page's script (bundled by server.mjs; any bundler does the same: Vite, Rollup, webpack).
// First, before anything that loads Lit: the elements take over what the server rendered.
import '@iq-eservices/components/hydrate';
import { createEServicesClient } from '@iq-eservices/api';
import { configure, getLocale } from '@iq-eservices/components';
import '@iq-eservices/components/login.js';
import '@iq-eservices/components/ration-card.js';

configure({
  // The services, mounted on the page's own origin by its back end (server.mjs).
  client: createEServicesClient({ baseUrl: location.origin, locale: () => getLocale() }),
});

// The card the server rendered, given again as `data` before the element first renders (here,
// in this module's first run, with no `await` before it): it hydrates and fetches nothing.
const card = document.querySelector('iq-ration-card');
const data = document.getElementById('card-data');
if (card && data) card.data = JSON.parse(data.textContent ?? 'null');
