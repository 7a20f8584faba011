/**
 * Formatting for the popup, in the catalog's language (uiLanguage). Each Intl formatter is made on
 * first use, not when the popup loads: making one loads ICU data for the language, milliseconds that
 * the first paint does not need to spend.
 */
import { i18n } from '#i18n';
import { uiLanguage } from '../shared/locale';

/** `183` → "3:03"; null → "–". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${String(rest).padStart(2, '0')}`;
}

let relative: Intl.RelativeTimeFormat | null = null;

/** How old the data is, as the status line says it: "just now", "12 min. ago", "3 hr. ago", "2 days ago". */
export function formatAge(fetchedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - fetchedAt) / 60_000);
  if (minutes < 1) return i18n.t('popup.justNow');
  relative ??= new Intl.RelativeTimeFormat(uiLanguage(), { style: 'short' });
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return relative.format(-hours, 'hour');
  return relative.format(-Math.floor(hours / 24), 'day');
}

/** "+3", "−2", "=" for a rank change; null when there is nothing to compare with. */
export function formatRankChange(change: number | null): string | null {
  if (change === null) return null;
  if (change > 0) return `▲${change}`;
  if (change < 0) return `▼${-change}`;
  return '=';
}

/** Words for a rank change, for screen readers. */
export function describeRankChange(change: number | null): string {
  if (change === null) return i18n.t('popup.rank.new');
  if (change === 0) return i18n.t('popup.rank.same');
  return change > 0 ? i18n.t('popup.rank.up', change) : i18n.t('popup.rank.down', -change);
}

// Only the filter panel and one empty state need it; loading ICU's language names costs tens of
// milliseconds on a slow machine.
let languageNames: Intl.DisplayNames | null = null;

/** ISO-639-1 code → "Spanish"; an unknown code is shown as it is. */
export function languageLabel(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames([uiLanguage()], { type: 'language', fallback: 'code' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

let compact: Intl.NumberFormat | null = null;

/** Layers' use counts, short: 950 → "950", 12_300 → "12.3K", 4_200_000 → "4.2M" (in English). */
export function formatCount(count: number): string {
  compact ??= new Intl.NumberFormat(uiLanguage(), { notation: 'compact', maximumFractionDigits: 1 });
  return compact.format(count);
}

let whole: Intl.NumberFormat | null = null;

/** 4548 → "4,548" (in English; "4.548" in German). */
export function formatThousands(value: number): string {
  whole ??= new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 0 });
  return whole.format(value);
}
