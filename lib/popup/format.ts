/** Formatting for the popup: short, readable, and stable for tests (no locale surprises). */

/** `183` → "3:03"; null → "–". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${String(rest).padStart(2, '0')}`;
}

/** How old the data is, as the status line says it: "just now", "12 min ago", "3 h ago", "2 days ago". */
export function formatAge(fetchedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - fetchedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
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
  if (change === null) return 'new or unranked yesterday';
  if (change === 0) return 'unchanged';
  const places = Math.abs(change) === 1 ? 'place' : 'places';
  return change > 0 ? `up ${change} ${places}` : `down ${-change} ${places}`;
}

// Made on first use, not when the popup loads: building it loads ICU's language names, tens of
// milliseconds on a slow machine, and only the filter panel and one empty state need it.
let languageNames: Intl.DisplayNames | null = null;

/** ISO-639-1 code → "Spanish"; an unknown code is shown as it is. */
export function languageLabel(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Layers' use counts, short: 950 → "950", 12_300 → "12.3k", 4_200_000 → "4.2M". */
export function formatCount(count: number): string {
  if (count < 1000) return String(Math.round(count));
  if (count < 1_000_000) return `${trimZero(count / 1000)}k`;
  return `${trimZero(count / 1_000_000)}M`;
}

function trimZero(value: number): string {
  return (value >= 100 ? Math.round(value).toString() : value.toFixed(1)).replace(/\.0$/, '');
}

/** 4548 → "4,548". Not `toLocaleString`: its first call loads ICU's number formats on the popup's critical path. */
export function formatThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
