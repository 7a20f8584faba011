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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** ISO-639-1 code → "Spanish"; an unknown code is shown as it is. */
export function languageLabel(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
