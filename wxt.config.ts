import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { LAYERS_MEDIA_HOST, TIKTOK_MEDIA_DOMAINS } from './lib/shared/media-url';

/**
 * The e2e build is the production build plus one test origin, so that Playwright can serve fixture
 * composer pages at `https://composer.test/*` and exercise the real content script.
 */
const E2E_ORIGIN = 'https://composer.test/*';

/**
 * `CLEARTUNE_BENCH=1 wxt build` (what `npm run bench` builds, into chrome-mv3-bench) is the production
 * build plus the list's performance marks the benchmark waits for; every other build compiles them out
 * (components/popup/track-list/bench-flag.d.ts). A variable, not a WXT mode: WXT sets NODE_ENV to the
 * mode, so any mode but `production` builds React's development version, which is no build to time.
 */
const BENCH = process.env.CLEARTUNE_BENCH === '1';

/**
 * Covers and previews load only from the providers' media hosts (the same list normalization keeps,
 * lib/shared/media-url.ts; PRIVACY.md names them), even if another URL ever reached a
 * page. Scripts only from the extension (no wasm is used, and release.spec refuses any unsafe-eval);
 * WXT's dev mode adds its dev server to `script-src`.
 */
const MEDIA_SOURCES = [
  `https://${LAYERS_MEDIA_HOST}`,
  ...TIKTOK_MEDIA_DOMAINS.map((d) => `https://*.${d}`),
].join(' ');
const EXTENSION_PAGES_CSP = `script-src 'self'; object-src 'self'; img-src 'self' ${MEDIA_SOURCES}; media-src ${MEDIA_SOURCES};`;

/**
 * Pages that paint a copy of their last first screen (first-paint.js) start their app themselves,
 * after the copy's frame (lib/popup/first-paint.ts `startApp`): Vite's module script becomes a
 * preload the copy's script runs, so it is fetched and compiled as before but not evaluated before
 * the copy is painted.
 */
const appStartedByFirstPaint: Plugin = {
  name: 'cleartune:app-started-by-first-paint',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { path }) {
      if (!html.includes('src="/first-paint.js"')) return html;
      const preloaded = html.replace(
        /<script type="module" crossorigin src="([^"]+)"><\/script>/,
        '<link rel="modulepreload" crossorigin href="$1" data-app>',
      );
      // Without it the page would still work, its app starting before the copy's frame: fail loudly.
      if (preloaded === html) throw new Error(`${path}: no module script to hand to first-paint.js`);
      return preloaded;
    },
  },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // One message catalog per language (en is the source); built into _locales/<lang>/messages.json.
  i18n: { localesDir: 'lib/shared/locales' },
  // Parallel work trees can build side by side: CLEARTUNE_OUT_DIR=.output-mine npm run build:e2e
  outDir: process.env.CLEARTUNE_OUT_DIR ?? '.output',
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${BENCH ? '-bench' : '{{modeSuffix}}'}`,
  // Extension pages run only in browsers with native modulepreload: Vite's polyfill is dead weight.
  vite: () => ({
    define: { __CLEARTUNE_BENCH__: JSON.stringify(BENCH) },
    plugins: [appStartedByFirstPaint],
    // CLEARTUNE_SOURCEMAP=1: source maps, to see which module a bundle's bytes come from.
    build: { modulePreload: { polyfill: false }, sourcemap: process.env.CLEARTUNE_SOURCEMAP === '1' },
  }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // sidePanel (Chrome; Firefox's sidebar needs none) and contextMenus add no install warning.
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: [
      'https://api.bundle.social/*',
      'https://api.layers.com/*',
      'https://www.tiktok.com/tiktokstudio/*',
      ...(mode === 'e2e' ? [E2E_ORIGIN] : []),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Alerts (off by default) ask for it when one is turned on, and give it back when all are off.
    optional_permissions: ['notifications'],
    action: { default_title: '__MSG_extName__' },
    // Chrome allows four suggested keys; all can be changed on the browser's shortcuts page.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_background_cmd_open__',
      },
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_background_cmd_sidePanel__',
      },
      'insert-chosen': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: '__MSG_background_cmd_insert__',
      },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cleartune@cleartune.app',
              // The first release (an ESR) with every key and API used here: data_collection_permissions
              // (140), optional_host_permissions (128), storage.session (115). tests/firefox runs ESR.
              strict_min_version: '140.0',
              // The user's own API keys go to the providers they connect (PRIVACY.md); nothing else leaves.
              data_collection_permissions: { required: ['authenticationInfo'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
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
