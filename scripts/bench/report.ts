/** The benchmark's output: a Markdown table on stdout and bench/results.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Budget, kb, type PartSize, type ZipSize } from './sizes';
import { round, roundSummary, type Summary, summarize } from './stats';

export type Stat = 'median' | 'p95' | 'max';

export interface Figure {
  id: string;
  label: string;
  unit: 'ms' | 'requests' | 'bytes';
  summary: Summary;
  /** The same thing measured on a reference in the same run, and this figure's ratio to it. */
  reference?: { label: string; summary: Summary; stat: Stat; ratio: number };
  target?: { text: string; met: boolean };
  notes?: string[];
}

export interface FigureInput {
  id: string;
  label: string;
  unit?: Figure['unit'];
  values: readonly number[];
  reference?: { label: string; values: readonly number[]; stat: Stat };
  /** `value` is this figure's `stat` (or its ratio to the reference when `ratio` is set). */
  target?: { text: string; stat: Stat; max?: number; exactly?: number; ratio?: boolean };
  notes?: string[];
}

export function figure(input: FigureInput): Figure {
  const summary = summarize(input.values);
  const out: Figure = {
    id: input.id,
    label: input.label,
    unit: input.unit ?? 'ms',
    summary: roundSummary(summary),
  };
  let ratio = Number.NaN;
  if (input.reference) {
    const ref = summarize(input.reference.values);
    ratio = summary[input.reference.stat] / ref[input.reference.stat];
    out.reference = {
      label: input.reference.label,
      summary: roundSummary(ref),
      stat: input.reference.stat,
      ratio: round(ratio, 3),
    };
  }
  if (input.target) {
    const t = input.target;
    const value = t.ratio ? ratio : summary[t.stat];
    const met =
      summary.n > 0 &&
      (t.exactly !== undefined
        ? input.values.every((v) => v === t.exactly)
        : t.max !== undefined && Number.isFinite(value) && value <= t.max);
    out.target = { text: t.text, met };
  }
  if (input.notes?.length) out.notes = input.notes;
  return out;
}

const num = (value: number, unit: Figure['unit']) =>
  Number.isFinite(value) ? (unit === 'ms' ? `${value.toFixed(1)}` : `${value}`) : '–';

export function figureTable(figures: readonly Figure[]): string {
  const rows = [
    '| figure | n | median | p95 | min–max | reference (same statistic) | ratio | target | met |',
    '| --- | --: | --: | --: | --: | --- | --: | --- | :-: |',
  ];
  for (const f of figures) {
    const s = f.summary;
    const unit = f.unit === 'ms' ? ' ms' : '';
    const ref = f.reference
      ? `${f.reference.label}: ${num(f.reference.summary[f.reference.stat], f.unit)}${unit} (${f.reference.stat})`
      : '–';
    const ratio = f.reference ? `${f.reference.ratio.toFixed(2)}×` : '–';
    const met = f.target ? (f.target.met ? 'yes' : '**no**') : '–';
    rows.push(
      `| ${f.label} | ${s.n} | ${num(s.median, f.unit)}${unit} | ${num(s.p95, f.unit)}${unit} | ${num(s.min, f.unit)}–${num(s.max, f.unit)}${unit} | ${ref} | ${ratio} | ${f.target?.text ?? 'report'} | ${met} |`,
    );
  }
  return rows.join('\n');
}

export function sizeTable(parts: readonly PartSize[], zips: readonly ZipSize[], budget: Budget): string {
  const rows = [
    '| part | files | raw | gzip | budget (gzip) | met |',
    '| --- | --: | --: | --: | --: | :-: |',
  ];
  for (const part of parts) {
    const max = budget.gzip[part.part];
    const met = max === undefined ? '–' : part.gzipBytes <= max ? 'yes' : '**no**';
    rows.push(
      `| ${part.part} | ${part.files.length} | ${kb(part.rawBytes)} | ${kb(part.gzipBytes)} | ${max === undefined ? 'report' : kb(max)} | ${met} |`,
    );
  }
  for (const zip of zips) rows.push(`| ${zip.file} | 1 | ${kb(zip.bytes)} | (zip) | report | – |`);
  return rows.join('\n');
}

export function machine(): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1e9, 1),
    loadAverage: os.loadavg().map((v) => round(v, 2)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

export const RESULTS_FILE = path.resolve('bench/results.json');

export function writeResults(results: Record<string, unknown>): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
