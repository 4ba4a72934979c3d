import type { StorybookConfig } from '@storybook/web-components-vite';

// Stories run against the workspace packages' TypeScript sources (`iq-source` in their `exports`),
// so a change to an element shows at once, with no build. Vite's TypeScript transform reads the
// nearest tsconfig.json (root → tsconfig.base.json: `useDefineForClassFields: false`, so that
// reactive properties declared as class fields do not shadow Lit's accessors). Nothing here names an element:
// every `stories/*.stories.ts` is picked up, and each element gets a docs page.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs for every element: .storybook/preview.ts).
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  async viteFinal(viteConfig) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['iq-source', ...defaultClientConditions] },
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
