import { describe, expect, it } from 'vitest';
import {
  describeRankChange,
  formatAge,
  formatCount,
  formatDuration,
  formatRankChange,
  formatThousands,
  languageLabel,
} from '../../../lib/popup/format';
import { rankChange, risingGain, sparklineSegments, trendLabel } from '../../../lib/popup/trend';
import { history } from './popup-fixtures';

describe('rank change', () => {
  it.each([
    [[5, 3], 3, 2],
    [[3, 5], 5, -2],
    [[4, null, 4], 4, 0],
    [[8, null, null, 2], 2, 6],
    [[7], 7, null],
    [[], 1, null],
    [[null, null], null, null],
  ])('history %j at rank %s → %s', (ranks, current, expected) => {
    expect(rankChange(history(ranks), current)).toBe(expected);
  });
});

describe('rising gain and its label', () => {
  it('is the places gained over the last 7 ranked days', () => {
    expect(risingGain(history([50, 40, 30, 20, 15, 10, 8, 5]))).toEqual({ gain: 35, days: 6 });
  });

  it('skips days without a rank', () => {
    expect(risingGain(history([20, null, null, 8]))).toEqual({ gain: 12, days: 3 });
  });

  it.each([
    [[25, 19, 17, 15, 13, 11, 9, 7], 'Rank trend: up 12 places in 6 days'],
    [[1, 2], 'Rank trend: down 1 place in 1 day'],
    [[3, 3, 3], 'Rank trend: steady over 2 days'],
    [[3], 'Rank trend: not enough history'],
  ])('%j reads "%s"', (ranks, label) => {
    const points = history(ranks);
    // The window is the last 7 ranked days: the first point of eight falls out.
    expect(trendLabel(points)).toBe(label);
  });
});

describe('sparkline', () => {
  it('draws rank 1 at the top and the worst rank at the bottom', () => {
    const { paths } = sparklineSegments(history([10, 1]), 100, 20, 0);
    expect(paths).toEqual(['M0 20 L100 0']);
  });

  it('leaves a gap for days without a rank and draws a lone day as a dot', () => {
    const { paths, dots } = sparklineSegments(history([4, 2, null, 3, null]), 40, 10, 0);
    expect(paths).toEqual(['M0 10 L10 0']);
    expect(dots).toEqual([{ x: 30, y: 5 }]);
  });

  it('draws at most the last 30 days', () => {
    const ranks = Array.from({ length: 40 }, (_, i) => 40 - i);
    const { paths } = sparklineSegments(history(ranks), 29, 10, 0);
    expect(paths[0]?.split(' L')).toHaveLength(30);
  });

  it('draws nothing without history', () => {
    expect(sparklineSegments([], 60, 20)).toEqual({ paths: [], dots: [] });
  });
});

describe('formatting', () => {
  it.each([
    [183, '3:03'],
    [59, '0:59'],
    [0, '0:00'],
    [null, '–'],
  ])('duration %s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [20_000, 'just now'],
    [12 * 60_000, '12 min. ago'],
    [3 * 3_600_000, '3 hr. ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('age of %s ms → %s', (age, text) => {
    expect(formatAge(1_000_000_000 - age, 1_000_000_000)).toBe(text);
  });

  it('shows a rank change with an arrow and says it in words', () => {
    expect(formatRankChange(3)).toBe('▲3');
    expect(formatRankChange(-2)).toBe('▼2');
    expect(formatRankChange(0)).toBe('=');
    expect(formatRankChange(null)).toBeNull();
    expect(describeRankChange(1)).toBe('up 1 place');
    expect(describeRankChange(-4)).toBe('down 4 places');
  });

  it.each([
    [950, '950'],
    [12_300, '12.3K'],
    [120_000, '120K'],
    [4_200_000, '4.2M'],
  ])('use count %s → %s', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });

  it('names languages, and shows an unknown code as it is', () => {
    expect(languageLabel('es')).toBe('Spanish');
    expect(languageLabel('not a code')).toBe('not a code');
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [4548, '4,548'],
    [1_234_567, '1,234,567'],
  ])('track total %s → %s', (value, text) => {
    expect(formatThousands(value)).toBe(text);
  });
});
