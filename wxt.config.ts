import { defineConfig } from 'wxt';

/**
 * The e2e build is the production build plus one test origin, so that Playwright can serve fixture
 * composer pages at `https://composer.test/*` and exercise the real content script.
 */
const E2E_ORIGIN = 'https://composer.test/*';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Parallel work trees can build side by side: CLEARTUNE_OUT_DIR=.output-mine npm run build:e2e
  outDir: process.env.CLEARTUNE_OUT_DIR ?? '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ mode, browser }) => ({
    name: 'Cleartune',
    description:
      'Find trending, pre-cleared TikTok tracks and put the right one into a post, without the mistakes.',
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: [
      'https://api.bundle.social/*',
      'https://api.layers.com/*',
      'https://www.tiktok.com/tiktokstudio/*',
      ...(mode === 'e2e' ? [E2E_ORIGIN] : []),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Cleartune' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cleartune@cleartune.app',
              // The user's own API keys go to the providers they connect (PRIVACY.md); nothing else leaves.
              data_collection_permissions: { required: ['authenticationInfo'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((m) => m.includes('tiktokstudio'))) {
          script.matches.push(E2E_ORIGIN);
        }
      }
    },
  },
});
