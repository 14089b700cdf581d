import { defineConfig } from 'wxt';
import { glossaryPlugin } from './glossary/vite-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Alignment Glossary Companion',
    description:
      'Explains AI-alignment terms where you read them: subtle highlights, hover definitions, a searchable glossary. No network, no tracking.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'alignment-glossary@example.org', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [glossaryPlugin()],
  }),
});
