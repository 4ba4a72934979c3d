import type { Manifest } from './manifest.mjs';

/** What an editor's data file lists. */
interface Named {
  name: string;
  description?: string;
}
export function ideData(
  manifest: Manifest,
  pkg?: { name: string; version: string },
): {
  html: { version: number; tags: (Named & { attributes: Named[] })[] };
  css: { version: number; properties: Named[]; pseudoElements: Named[] };
  webTypes: {
    contributions: {
      html: {
        elements: (Named & {
          attributes: Named[];
          events: Named[];
          css: { properties: Named[]; parts: Named[] };
        })[];
      };
    };
  };
};
