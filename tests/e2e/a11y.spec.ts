/// <reference types="chrome" />
/**
 * axe-core finds no serious or critical violation in the popup (results, empty, error, first run)
 * in light and dark, nor in the options page and the side panel, with axe's experimental rules on (tests/e2e/axe-audit.ts). The README's screenshots are taken here.
 */
import { reactComposerHtml, serveHtml } from '../fixtures/composers/serve';
import { DEMO_CREDENTIALS } from '../simulator';
import { expectNoSeriousViolations } from './axe-audit';
import { expect, test, watchErrors } from './fixtures';
import { ask, screenshotPath, setUpProviders } from './popup-support';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test('first run', async ({ context, openPopup }) => {
      await setUpProviders(context);
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(
        popup.getByRole('heading', { name: 'Connect a provider to see trending tracks' }),
      ).toBeVisible();
      await expectNoSeriousViolations(popup);
    });

    test('results, payload dialog and empty results', async ({ context, openPopup }) => {
      // Three full axe runs on two cores, beside another worker: more than the default 30 s at times.
      test.setTimeout(60_000);
      await setUpProviders(context);
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
      await popup.reload();
      await popup.getByRole('combobox', { name: 'Genre' }).selectOption('DANCE_POP');
      await popup.getByRole('combobox', { name: 'Sort' }).selectOption('rising');
      await expect(popup.getByRole('listitem').first()).toBeVisible();
      await popup.getByRole('button', { name: 'Filters' }).click();
      // Covers painted and fonts settled, so the picture is the popup as a user sees it.
      // (Rows of a list just switched load their covers a moment later: wait for them to be there.)
      await popup.waitForFunction(
        () =>
          document.querySelectorAll('img.cover').length > 0 &&
          [...document.images].every((img) => img.complete),
      );
      await popup.getByRole('button', { name: 'Filters' }).click();
      await popup.screenshot({ path: screenshotPath(`popup-${scheme}.png`) });
      await expectNoSeriousViolations(popup);

      await popup
        .getByRole('button', { name: /^Copy payload for / })
        .first()
        .click();
      await expect(popup.getByRole('dialog')).toBeVisible();
      await expectNoSeriousViolations(popup);
      await popup.keyboard.press('Escape');
      await expect(popup.getByRole('dialog')).toHaveCount(0);

      // A button whose text changes ("Copied") keeps that text in its accessible name (WCAG 2.5.3).
      await popup
        .getByRole('button', { name: /^Copy ID of / })
        .first()
        .click();
      await expect(popup.getByRole('button', { name: /^Copied ID of / })).toHaveText('Copied');
      await expectNoSeriousViolations(popup);

      await popup.getByRole('searchbox', { name: 'Search tracks' }).fill('no track is called this');
      await expect(popup.getByText('No track matches “no track is called this”.')).toBeVisible();
      await expectNoSeriousViolations(popup);
    });

    test('provider error', async ({ context, openPopup }) => {
      const { sim } = await setUpProviders(context);
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await ask(popup, 'saveSettings', DEMO_CREDENTIALS);
      // A key that stops working: the error and its fix, above whatever is cached.
      sim.revokeKey('layers', DEMO_CREDENTIALS.layersKey);
      await popup.reload();
      await popup.getByRole('combobox', { name: 'Source' }).selectOption('layers');
      await expect(popup.getByRole('region', { name: 'Problems' })).toBeVisible();
      await expectNoSeriousViolations(popup);
    });

    test('options page', async ({ context, openOptions }) => {
      await setUpProviders(context);
      const options = await openOptions();
      await options.emulateMedia({ colorScheme: scheme });
      await ask(options, 'saveSettings', DEMO_CREDENTIALS);
      await options.reload();
      await expect(options.getByRole('combobox', { name: 'Team' })).toHaveValue(DEMO_CREDENTIALS.teamId);
      await options.getByRole('button', { name: 'Test connection to bundle.social' }).click();
      await expect(options.getByText(/^✓ Passed — /)).toBeVisible();
      if (scheme === 'light') {
        await options.setViewportSize({ width: 800, height: 1100 });
        await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
      }
      await expectNoSeriousViolations(options);
    });

    test('side panel beside a composer', async ({ context, extensionId, collected }) => {
      test.setTimeout(60_000);
      await setUpProviders(context);
      await serveHtml(context, 'https://composer.test/scheduler', await reactComposerHtml());
      const panel = await context.newPage();
      watchErrors(panel, collected);
      await panel.setViewportSize({ width: 360, height: 720 });
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      await ask(panel, 'saveSettings', DEMO_CREDENTIALS);
      await panel.reload();
      const composer = await context.newPage();
      await composer.setViewportSize({ width: 880, height: 720 });
      await composer.goto('https://composer.test/scheduler');
      await composer.bringToFront();
      await expect(panel.locator('.tab-status')).toHaveText('composer.test — 1 composer');
      await panel.getByRole('button', { name: /^Use / }).first().click();
      await expect(panel.getByRole('status')).toHaveText('Filled into composer.test');
      await panel.waitForFunction(() => [...document.images].every((img) => img.complete));
      await expectNoSeriousViolations(panel);
      if (scheme === 'light') {
        // The README's picture: the composer and the panel side by side, as the browser shows them.
        const [page, side] = [await composer.screenshot(), await panel.screenshot()];
        const board = await context.newPage();
        await board.setViewportSize({ width: 1240, height: 720 });
        await board.setContent(
          `<body style="margin:0;display:flex;background:#ccc"><img alt="" style="width:880px" src="data:image/png;base64,${page.toString('base64')}"><img alt="" style="width:360px;border-left:1px solid #999" src="data:image/png;base64,${side.toString('base64')}"></body>`,
        );
        await board.screenshot({ path: screenshotPath('side-panel.png') });
      }
    });
  });
}
