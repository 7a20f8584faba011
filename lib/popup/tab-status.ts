/**
 * The line about the current tab, from what its content scripts reported: on TikTok Studio
 * "TikTok Studio — video — Sounds panel open (Unlimited) — Glasshouse Parade attached ✓", elsewhere
 * "composer.example — 1 composer", and "No composer on this tab".
 */
import type { StudioReport, TabStatus } from '../shared/protocol';
import { STUDIO_LABEL } from '../shared/studio-label';

export const NO_COMPOSER = 'No composer on this tab';

export function tabLine(status: TabStatus | null): string {
  if (!status) return NO_COMPOSER;
  if (status.studio) return studioLine(status.studio);
  if (status.composers === 0) return NO_COMPOSER;
  return `${status.label} — ${status.composers} composer${status.composers === 1 ? '' : 's'}`;
}

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
    STUDIO_LABEL,
    report.form,
    where,
    attached,
    report.pendingSave ? 'press Save in the editor to keep the sound' : null,
    report.copyright === 'issues' ? 'copyright issues reported' : null,
  ]
    .filter(Boolean)
    .join(' — ');
}
