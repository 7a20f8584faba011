import { i18n } from '#i18n';
/**
 * The line about the current tab, from what its content scripts reported: on TikTok Studio
 * "TikTok Studio — video — Sounds panel open (Unlimited) — Glasshouse Parade attached ✓", elsewhere
 * "composer.example — 1 composer", and "No composer on this tab".
 */
import type { StudioReport, TabStatus } from '../shared/protocol';
import { STUDIO_LABEL } from '../shared/studio-label';

export function tabLine(status: TabStatus | null): string {
  if (!status || (!status.studio && status.composers === 0)) return i18n.t('popup.tab.none');
  if (status.studio) return studioLine(status.studio);
  return i18n.t('popup.tab.composers', status.composers, { site: status.label });
}

export function studioLine(report: StudioReport): string {
  if (report.problem) return `${STUDIO_LABEL} — ${report.problem}`;
  const where =
    report.picker === 'sounds'
      ? report.tab === 'unlimited'
        ? i18n.t('popup.tab.soundsTab', { tab: i18n.t('content.studio.unlimited') })
        : i18n.t('popup.tab.sounds')
      : report.picker === 'photo'
        ? i18n.t('popup.tab.picker')
        : report.editorOpen
          ? i18n.t('popup.tab.editor')
          : null;
  const attached = report.attached
    ? i18n.t(report.verdict === 'chosen' ? 'popup.tab.attached' : 'popup.tab.attachedOther', {
        title: report.attached,
      })
    : null;
  return [
    STUDIO_LABEL,
    report.form && i18n.t(report.form === 'photo' ? 'popup.tab.photo' : 'popup.tab.video'),
    where,
    attached,
    report.pendingSave ? i18n.t('popup.tab.save') : null,
    report.copyright === 'issues' ? i18n.t('popup.tab.copyright') : null,
  ]
    .filter(Boolean)
    .join(' — ');
}
