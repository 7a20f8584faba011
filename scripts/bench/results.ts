/** Turns the benchmark's raw samples into figures against bench/budget.json, and writes them out. */
import type { CacheInfo } from './catalog-warmup';
import type { MainThreadComparison, MainThreadSample } from './content-figures';
import type { OpenComparison } from './popup-figures';
import type { ScrollResult } from './probe';
import { type Figure, figure, figureTable, machine, RESULTS_FILE, sizeTable, writeResults } from './report';
import { measureBuild, measureZips, OUT_DIR, PRODUCTION_BUILD, readBudget } from './sizes';
import { round, summarize } from './stats';
import type { ColdWorker, Stampede } from './worker-figures';

export interface RawResults {
  quick: boolean;
  build: { dir: string; additions: string[] };
  cache: CacheInfo;
  opens: OpenComparison;
  panelOpens: OpenComparison;
  coldOpens: OpenComparison;
  switches: { ms: number[]; rows: number };
  typed: { ms: number[]; missed: number };
  scroll: ScrollResult;
  reference: { keystrokes: { ms: number[]; missed: number }; scroll: ScrollResult };
  coldWorker: ColdWorker;
  stampedes: Stampede[];
  heavy: MainThreadComparison;
  studio: MainThreadComparison;
  bare: MainThreadComparison;
  fields: Record<'plain' | 'heavy' | 'reference', { ms: number[]; missed: number }>;
}

const task = (samples: MainThreadSample[]) => samples.map((s) => s.taskMs);
const med = (values: readonly number[]) => round(summarize(values).median);

/** Where an open's time went, from the probe's timestamps (medians over the opens). */
function openBreakdown(opens: OpenComparison['popup']): string {
  const sent = opens.map((s) => s.catalogSentMs ?? Number.NaN);
  const reply = opens.map((s) => s.catalogReplyMs ?? Number.NaN);
  return [
    `navigation → getCatalog sent ${med(sent)} ms`,
    `sent → reply ${med(reply.map((at, i) => at - (sent[i] as number)))} ms`,
    `reply → cleartune:first-row mark ${med(opens.map((s, i) => s.markMs - (reply[i] as number)))} ms`,
    `mark → painted ${med(opens.map((s) => s.paintedMs - s.markMs))} ms`,
    `React's own rows (clickable) painted ${med(opens.map((s) => s.liveMs))} ms (medians)`,
  ].join(', ');
}

/** A finder page's open against the blank page opened the same way: ≤ 1.5× (the median). */
function firstRowFigure(
  id: string,
  label: string,
  opens: OpenComparison,
  max = 1.5,
  notes?: string[],
): Figure {
  return figure({
    id,
    label,
    values: opens.popup.map((s) => s.paintedMs),
    reference: { label: 'blank extension page', values: opens.blank.map((s) => s.paintedMs), stat: 'median' },
    target: { text: `≤ ${max}× blank page`, stat: 'median', max, ratio: true },
    ...(notes ? { notes } : {}),
  });
}

function mainThreadFigure(id: string, label: string, data: MainThreadComparison, max: number): Figure {
  const overhead = data.with.map((s, i) => s.taskMs - (data.without[i]?.taskMs ?? Number.NaN));
  const pairedRatios = data.with.map((s, i) => s.taskMs / (data.without[i]?.taskMs ?? Number.NaN));
  const scriptWith = med(data.with.map((s) => s.scriptMs));
  const scriptWithout = med(data.without.map((s) => s.scriptMs));
  // Script time is far steadier than total task time here; the extension adds script, little else.
  const scriptEstimate = round(
    (med(task(data.without)) + scriptWith - scriptWithout) / med(task(data.without)),
    3,
  );
  const ran = data.with.every((s) => s.contentScriptRan);
  const first = data.with[0];
  const result = figure({
    id,
    label,
    values: task(data.with),
    reference: { label: 'same page without the extension', values: task(data.without), stat: 'median' },
    target: { text: `≤ ${max}× without (task time and script estimate)`, stat: 'median', max, ratio: true },
    notes: [
      `main-thread TaskDuration (${first?.timeDomain ?? '?'}) of the page renderer, load + 1 s idle + ${first?.mutations ?? '?'} mutations in 5 s + 0.5 s, ${first?.nodes ?? '?'} elements`,
      `paired per round: overhead median ${med(overhead)} ms, ratio median ${round(summarize(pairedRatios).median, 3)}×`,
      `ScriptDuration median with ${scriptWith} ms, without ${scriptWithout} ms: (task without + script added) / task without = ${scriptEstimate}×`,
      ran
        ? 'content script ran in every "with" sample'
        : 'WARNING: the content script did not run in some samples',
      ...(data.with.some((s) => s.buttonShown) ? ['its button was shown next to the composer'] : []),
    ],
  });
  // Total task time swings by ±15 % between identical runs on a busy machine, more than the margin
  // asked for; the target counts as met only if the steadier script-time estimate agrees.
  if (result.target) result.target.met = result.target.met && scriptEstimate <= max;
  return result;
}

function requestsFigure(stampede: Stampede, id: string): Figure {
  const counts = Object.values(stampede.perEntry);
  return figure({
    id,
    label: `requests per (provider, genre, range): ${stampede.scenario}`,
    unit: 'requests',
    values: counts,
    target: { text: 'exactly 1', stat: 'max', exactly: 1 },
    notes: [
      `per entry: ${JSON.stringify(stampede.perEntry)}`,
      `${stampede.answersWithTracks} of 10 got their tracks`,
    ],
  });
}

export function buildResults(raw: RawResults): { markdown: string; figures: Figure[] } {
  const budget = readBudget();
  const t = budget.timing as Record<string, { max?: number }>;
  const blankOpen = raw.opens.blank.map((s) => s.paintedMs);
  const popupRows = raw.opens.popup[0]?.rows ?? 0;
  const scrollMax = t.scrollFrameGapMs?.max ?? 50;
  const figures: Figure[] = [
    firstRowFigure(
      'popup-first-row',
      `popup open → first row painted (All genres + Layers, ${popupRows} rows; worker running)`,
      raw.opens,
      t.popupFirstRowRatio?.max,
      [
        openBreakdown(raw.opens.popup),
        `getCatalog rewritten to genre ALL by the probe in ${raw.opens.popup.filter((s) => s.rewrittenQueries > 0).length}/${raw.opens.popup.length} opens (the popup cannot open on "All genres" by itself)`,
      ],
    ),
    firstRowFigure(
      'panel-first-row',
      `side panel open → first row painted (All genres + Layers, ${raw.panelOpens.popup[0]?.rows ?? 0} rows; worker running)`,
      raw.panelOpens,
      t.popupFirstRowRatio?.max,
      [openBreakdown(raw.panelOpens.popup)],
    ),
    firstRowFigure(
      'popup-first-row-worker-stopped',
      'popup open → first row painted, worker stopped before each open',
      raw.coldOpens,
      t.popupFirstRowRatio?.max,
      [openBreakdown(raw.coldOpens.popup)],
    ),
    figure({
      id: 'genre-switch-all',
      label: `"All genres" picked in the popup → new list painted (${raw.switches.rows} rows)`,
      values: raw.switches.ms,
      reference: { label: 'blank page open', values: blankOpen, stat: 'median' },
    }),
    figure({
      id: 'keystroke',
      label: 'keystroke in search → list painted (All genres)',
      values: raw.typed.ms,
      reference: { label: 'same keys on the blank page', values: raw.reference.keystrokes.ms, stat: 'p95' },
      target: { text: 'p95 ≤ 16 ms', stat: 'p95', max: t.keystrokeToPaintP95Ms?.max ?? 16 },
      notes: [`${raw.typed.missed} keystrokes without a list update within 2 s`],
    }),
    figure({
      id: 'scroll-frame-gaps',
      label: `scroll the whole list, frame gaps (${raw.scroll.frames} frames, ${raw.scroll.distance} px)`,
      values: raw.scroll.gaps,
      reference: { label: 'plain scroller, same size', values: raw.reference.scroll.gaps, stat: 'max' },
      target: { text: `none above ${scrollMax} ms`, stat: 'max', max: scrollMax },
      notes: [
        `${raw.scroll.gaps.filter((g) => g > scrollMax).length} gaps above ${scrollMax} ms; long tasks: ${raw.scroll.longTasks.length} (max ${round(Math.max(0, ...raw.scroll.longTasks))} ms)`,
        `${raw.scroll.uncovered} frames where rendered rows did not cover the viewport`,
      ],
    }),
    figure({
      id: 'cold-worker-default',
      label: `stopped worker → first catalog answer (popup's default query: its first screen, 40 of ${raw.coldWorker.tracks.default} tracks)`,
      values: raw.coldWorker.cold.default,
      reference: { label: 'blank page open', values: blankOpen, stat: 'median' },
      target: { text: '≤ 150 ms (median)', stat: 'median', max: t.coldWorkerFirstAnswerMs?.max ?? 150 },
      notes: [
        `same query, worker running: median ${round(summarize(raw.coldWorker.warm.default).median)} ms`,
      ],
    }),
    figure({
      id: 'cold-worker-all',
      label: `stopped worker → first catalog answer (All genres, ${raw.coldWorker.tracks.all} tracks)`,
      values: raw.coldWorker.cold.all,
      reference: { label: 'blank page open', values: blankOpen, stat: 'median' },
      target: {
        text: `≤ ${t.coldWorkerAllGenresMs?.max ?? 300} ms (median)`,
        stat: 'median',
        max: t.coldWorkerAllGenresMs?.max ?? 300,
      },
      notes: [`same query, worker running: median ${med(raw.coldWorker.warm.all)} ms`],
    }),
    figure({
      id: 'all-genres-bytes',
      label: `"All genres" answer as the popup receives it (packed), JSON bytes`,
      unit: 'bytes',
      values: [raw.coldWorker.bytes.all],
      target: {
        text: `≤ ${t.allGenresAnswerBytes?.max ?? 3_000_000} bytes`,
        stat: 'max',
        max: t.allGenresAnswerBytes?.max ?? 3_000_000,
      },
    }),
    mainThreadFigure(
      'content-heavy-composer',
      'content script, heavy page with one composer: main-thread ms',
      raw.heavy,
      t.heavyPageMainThreadRatio?.max ?? 1.05,
    ),
    mainThreadFigure(
      'content-heavy-studio',
      'content script, heavy page as TikTok Studio (Sounds panel open, a track chosen): main-thread ms',
      raw.studio,
      t.heavyPageMainThreadRatio?.max ?? 1.05,
    ),
    mainThreadFigure(
      'content-no-composer',
      'content script, heavy page without a composer: main-thread ms',
      raw.bare,
      t.noComposerMainThreadRatio?.max ?? 1.02,
    ),
    figure({
      id: 'field-recognised',
      label: 'music field inserted → its button in the DOM (light page)',
      values: raw.fields.plain.ms,
      reference: {
        label: 'insertion → next paint, no extension',
        values: raw.fields.reference.ms,
        stat: 'p95',
      },
      target: { text: 'p95 ≤ 100 ms', stat: 'p95', max: t.fieldRecognisedP95Ms?.max ?? 100 },
      notes: [`${raw.fields.plain.missed} not recognised within 2 s`],
    }),
    figure({
      id: 'field-recognised-heavy',
      label: 'music field inserted → its button in the DOM (heavy page, 200 mutations/s)',
      values: raw.fields.heavy.ms,
      reference: {
        label: 'insertion → next paint, no extension',
        values: raw.fields.reference.ms,
        stat: 'p95',
      },
      target: { text: 'p95 ≤ 100 ms', stat: 'p95', max: t.fieldRecognisedP95Ms?.max ?? 100 },
      notes: [`${raw.fields.heavy.missed} not recognised within 2 s`],
    }),
    ...raw.stampedes.map((s, i) => requestsFigure(s, `requests-${i + 1}`)),
  ];

  const parts = measureBuild(PRODUCTION_BUILD);
  const zips = measureZips(OUT_DIR);
  const markdown = [
    figureTable(figures),
    '',
    sizeTable(parts, zips, budget),
    '',
    ...figures.flatMap((f) => (f.notes ?? []).map((note) => `- ${f.id}: ${note}`)),
  ].join('\n');
  writeResults({
    generatedAt: new Date().toISOString(),
    quick: raw.quick,
    machine: machine(),
    caveat:
      'Timing figures depend on the machine and on what else runs on it; compare ratios, not absolute ms, across machines.',
    build: { production: PRODUCTION_BUILD, benchCopy: raw.build.dir, additions: raw.build.additions },
    cache: raw.cache,
    figures,
    sizes: { parts, zips, budget: budget.gzip },
    markdown,
  });
  console.log(`[bench] wrote ${RESULTS_FILE}`);
  return { markdown, figures };
}
