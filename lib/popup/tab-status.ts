/**
 * The popup's line about the current tab when it is TikTok Studio, from what the content script
 * reported: "TikTok Studio — video — Sounds panel open (Unlimited) — Glasshouse Parade attached ✓".
 */
import type { StudioReport } from '../shared/protocol';

export function studioLine(report: StudioReport): string {
  if (report.problem) return `TikTok Studio — ${report.problem}`;
  const where =
    report.picker === 'sounds'
      ? `Sounds panel open${report.tab === 'unlimited' ? ' (Unlimited)' : ''}`
      : report.picker === 'photo'
        ? 'sound picker open'
        : report.editorOpen
          ? 'editor open'
          : null;
  const attached = report.attached
    ? report.verdict === 'chosen'
      ? `${report.attached} attached ✓`
      : `${report.attached} attached, not your chosen track`
    : null;
  return [
    'TikTok Studio',
    report.form,
    where,
    attached,
    report.pendingSave ? 'press Save in the editor to keep the sound' : null,
    report.copyright === 'issues' ? 'copyright issues reported' : null,
  ]
    .filter(Boolean)
    .join(' — ');
}
