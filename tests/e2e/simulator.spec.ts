/**
 * The contract simulator, installed with `installSimulator`, answers fetches made by the
 * extension's own service worker (not only by pages).
 */
import { createSimulator, DEMO_CREDENTIALS } from '../simulator';
import { installSimulator } from '../simulator/playwright';
import { expect, test } from './fixtures';

const NOW = new Date('2026-02-15T12:00:00Z');

test('installSimulator intercepts the service worker’s fetches to both APIs', async ({
  context,
  background,
}) => {
  const sim = createSimulator({ now: NOW });
  await installSimulator(context, sim);

  const layersStatus = await background.evaluate(
    (key) =>
      fetch('https://api.layers.com/v1/tiktok-music', { headers: { Authorization: `Bearer ${key}` } }).then(
        (r) => r.status,
      ),
    DEMO_CREDENTIALS.layersKey,
  );
  expect(layersStatus).toBe(200);

  const cml = await background.evaluate(
    async ({ key, teamId }) => {
      const url = `https://api.bundle.social/api/v1/misc/tiktok/cml/trending-list?teamId=${teamId}&genre=${encodeURIComponent('R&B/SOUL')}&dateRange=30DAY`;
      const r = await fetch(url, { headers: { 'x-api-key': key } });
      const text = await r.text();
      return {
        status: r.status,
        cors: r.headers.get('access-control-allow-origin'),
        length: JSON.parse(text).length,
      };
    },
    { key: DEMO_CREDENTIALS.bundleSocialKey, teamId: DEMO_CREDENTIALS.teamId },
  );
  expect(cml).toEqual({ status: 200, cors: '*', length: 100 });

  expect(sim.count({ provider: 'layers' })).toBe(1);
  expect(sim.filter({ provider: 'layers' })[0]!.headers.authorization).toBe(
    `Bearer ${DEMO_CREDENTIALS.layersKey}`,
  );
  expect(sim.count({ provider: 'bundle-social', genre: 'R&B/SOUL', dateRange: '30DAY' })).toBe(1);
  expect(sim.filter({ provider: 'bundle-social' })[0]!.headers['x-api-key']).toBe(
    DEMO_CREDENTIALS.bundleSocialKey,
  );
});

test('faults reach the service worker: 502 then success, offline, and a hang that only an abort ends', async ({
  context,
  background,
}) => {
  const sim = createSimulator({ now: NOW });
  await installSimulator(context, sim);
  const call = (timeoutMs = 5000) =>
    background.evaluate(
      async ({ key, timeoutMs }) => {
        try {
          const r = await fetch('https://api.layers.com/v1/tiktok-music', {
            headers: { Authorization: `Bearer ${key}` },
            signal: AbortSignal.timeout(timeoutMs),
          });
          return `${r.status} ${r.headers.get('content-type')?.split(';')[0]}`;
        } catch (error) {
          return `${(error as Error).name}`;
        }
      },
      { key: DEMO_CREDENTIALS.layersKey, timeoutMs },
    );

  sim.setScenario('layers', 'bad-gateway', { times: 2 });
  expect([await call(), await call(), await call()]).toEqual([
    '502 text/html',
    '502 text/html',
    '200 application/json',
  ]);

  sim.setScenario('layers', 'offline', { times: 1 });
  expect(await call()).toBe('TypeError');

  sim.setScenario('layers', 'hang', { times: 1 });
  expect(await call(500)).toBe('TimeoutError');
  expect(await call()).toBe('200 application/json');
});
