/**
 * The hand-written check of a stored track (lib/background/catalog/compact.ts, `isStoredTrack`) is
 * the fast path in front of `storedTrackSchema`: whatever it accepts, the schema must accept and
 * read as the very same value. Checked on every track of a whole simulated range and on each field
 * of them set to every odd value a damaged or older stored value could hold.
 */
import { describe, expect, it } from 'vitest';
import { compactTrack, isStoredTrack, storedTrackSchema } from '@/lib/background/catalog/compact';
import { normalizeCmlList } from '@/lib/background/providers/bundle-social';
import { normalizeLayersList } from '@/lib/background/providers/layers';
import { GENRES } from '@/lib/shared/genres';
import { createSimulator } from '@/tests/simulator';

const AT = Date.UTC(2026, 1, 15, 12);
const sim = createSimulator({ seed: 'stored-track-check', now: AT });
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const cml = GENRES.slice(0, 6).flatMap((genre) =>
  (normalizeCmlList(sim.catalog.cml(genre, '7DAY'), genre, AT)?.tracks ?? []).map(compactTrack),
);
const layers = (normalizeLayersList({ tracks: sim.catalog.layers(), total: 0 })?.tracks ?? []).map(
  compactTrack,
);
const stored = json([...cml, ...layers]) as Record<string, unknown>[];

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '123',
  0,
  -0,
  -1,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  true,
  [],
  {},
  ['2026-02-01', [1, null, 3]],
  ['2026-02-01', [0]],
  ['2026-02-01', [1], 'extra'],
  [{ date: '2026-02-01', rank: 2 }],
  [{ date: '2026-02-01', rank: 2, extra: 1 }],
  [{ date: 5, rank: 2 }],
  { trending: null, full: null },
  { trending: null },
  { trending: { id: '1', durationSec: 30, previewUrl: null }, full: null },
  { trending: { id: 'x1', durationSec: 30, previewUrl: null }, full: null },
  { trending: { id: '1', durationSec: -1, previewUrl: null }, full: null },
  { trending: { id: '1', durationSec: 30 }, full: null },
  { trending: { id: '1', durationSec: 30, previewUrl: null, more: 1 }, full: null },
  { trending: null, full: null, more: null },
];

function agrees(value: unknown): void {
  if (!isStoredTrack(value)) return;
  const read = storedTrackSchema.safeParse(value);
  expect(read.success, JSON.stringify(value)).toBe(true);
  expect(read.data).toStrictEqual(value);
}

describe('the fast check of a stored track', () => {
  it('passes every track a whole simulated range and the Layers catalog store', () => {
    expect(stored.length).toBeGreaterThan(500);
    expect(stored.filter((track) => !isStoredTrack(track))).toEqual([]);
    for (const track of stored) agrees(track);
  });

  it('accepts nothing the schema would refuse or read differently, field by field', () => {
    const samples = [
      stored[0],
      stored.find((t) => t.history && !Array.isArray((t.history as unknown[])[1])),
      stored.at(-1),
    ];
    let refused = 0;
    for (const base of samples) {
      for (const field of [...Object.keys(storedTrackSchema.def.shape), 'unknownField']) {
        for (const odd of ODD_VALUES) {
          const changed = { ...base, [field]: odd };
          if (odd === undefined) delete changed[field];
          if (!isStoredTrack(changed)) refused++;
          agrees(changed);
        }
      }
    }
    // It does refuse: a check that let everything through would leave the schema nothing to decide.
    expect(refused).toBeGreaterThan(300);
  });

  it('refuses values that are not plain track objects', () => {
    for (const value of [null, undefined, 'track', 1, [], [stored[0]]])
      expect(isStoredTrack(value)).toBe(false);
  });
});
