import { i18n } from '#i18n';
import { formatDuration } from '@/lib/popup/format';
import { hasClipChoice } from '@/lib/shared/clips';
import type { ClipChoice, Track } from '@/lib/shared/track';

/** Trending clip or full-length clip for a CML track: the ids differ, so the choice matters. */
export function ClipSelect({
  track,
  value,
  onChange,
}: {
  track: Track;
  value: ClipChoice | null;
  onChange: (clip: ClipChoice) => void;
}) {
  const { trending, full } = track.clips ?? { trending: null, full: null };
  if (!trending || !full || !hasClipChoice(track)) return null;
  const labels = {
    trending: i18n.t('popup.row.trendingClip', { duration: formatDuration(trending.durationSec) }),
    full: i18n.t('popup.row.fullClip', { duration: formatDuration(full.durationSec) }),
  };
  const chosen = value ?? 'trending';
  return (
    // A narrow row cuts the menu's text with an ellipsis; the tooltip holds all of it.
    <select
      className="clip-select"
      aria-label={i18n.t('popup.row.clip', { title: track.title })}
      title={labels[chosen]}
      value={chosen}
      onChange={(e) => onChange(e.target.value as ClipChoice)}
    >
      <option value="trending">{labels.trending}</option>
      <option value="full">{labels.full}</option>
    </select>
  );
}
