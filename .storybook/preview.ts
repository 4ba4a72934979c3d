/// <reference types="vite/client" />
import {
  setCustomElementsManifest,
  type Decorator,
  type Loader,
  type Preview,
} from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { configure, followDocumentLanguage, type Locale } from '@iq-eservices/components';
import { sandboxClient, type SandboxClientOptions } from '../stories/sandbox.js';
import { argTypesFromManifest } from './manifest-argtypes.js';

// Every element's docs page (its description, API table and controls) comes from
// custom-elements.json (`npm run analyze`; `npm run storybook` and `npm run build:storybook` write
// it first). A glob, so a missing file is no error.
const manifests = import.meta.glob<object>('../packages/components/custom-elements.json', {
  eager: true,
  import: 'default',
});
const found = Object.values(manifests)[0];
const manifest = found ? publicApi(found) : undefined;
if (manifest) setCustomElementsManifest(manifest);

interface Member {
  privacy?: string;
  static?: boolean;
}

/** The manifest without private, protected and static members: only what a host can set. */
function publicApi(manifest: object): object {
  return JSON.parse(JSON.stringify(manifest), (key, value: unknown) =>
    key === 'members' && Array.isArray(value)
      ? value.filter((m: Member) => !m.static && (m.privacy ?? 'public') === 'public')
      : value,
  ) as object;
}

type Direction = 'auto' | 'rtl' | 'ltr';

/**
 * Sets `<html lang dir>` as a host page does; the library follows `<html lang>`. The direction
 * is the language's unless overridden from the toolbar (to check a layout in the other one).
 */
function applyPageLanguage(globals: Record<string, unknown>): void {
  const locale = (globals.locale as Locale | undefined) ?? 'ar';
  const direction = (globals.direction as Direction | undefined) ?? 'auto';
  const root = document.documentElement;
  root.lang = locale;
  root.dir = direction === 'auto' ? (locale === 'en' ? 'ltr' : 'rtl') : direction;
}

/** Waits for the language's messages, and gives the story a fresh sandbox when it asks. */
const pageSetup: Loader = async ({ globals, parameters }) => {
  applyPageLanguage(globals);
  await followDocumentLanguage();
  const wanted = parameters.sandbox as boolean | SandboxClientOptions | undefined;
  if (!wanted) {
    configure({ client: undefined });
    return {};
  }
  const sandbox = sandboxClient(wanted === true ? {} : wanted);
  configure({ client: sandbox.client });
  return { sandbox };
};

/**
 * Applies the CSS custom properties set in the controls (args named `--iq-…`) to a wrapper that
 * takes no box of its own, from which the element inherits them, as it would from a host page.
 */
const cssProperties: Decorator = (story, { args }) => {
  const set = Object.entries(args).filter(
    (entry): entry is [string, string] =>
      entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== '',
  );
  if (!set.length) return story();
  return html`<div style=${styleMap({ display: 'contents', ...Object.fromEntries(set) })}>
    ${story()}
  </div>`;
};

/** Keeps `<html lang dir>` in step with the toolbar on every render. */
const pageLanguage: Decorator = (story, { globals }) => {
  applyPageLanguage(globals);
  return story();
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the page (<html lang>), which the elements follow',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'ar', right: 'ar', title: 'العربية' },
          { value: 'ckb', right: 'ckb', title: 'کوردی (سۆرانی)' },
          { value: 'en', right: 'en', title: 'English' },
        ],
      },
    },
    direction: {
      description: 'Text direction of the page (<html dir>), overriding the language’s',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'auto', title: 'Direction of the language' },
          { value: 'rtl', title: 'Right to left (rtl)' },
          { value: 'ltr', title: 'Left to right (ltr)' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'ar', direction: 'auto' },
  loaders: [pageSetup],
  decorators: [pageLanguage, cssProperties],
  // A docs page for every element: its description, stories and API table.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
    docs: {
      extractArgTypes: (tag: string) => (manifest ? argTypesFromManifest(manifest, tag) : {}),
    },
  },
};

export default preview;
