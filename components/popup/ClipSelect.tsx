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
  return (
    <select
      className="clip-select"
      aria-label={`Clip for ${track.title}`}
      value={value ?? 'trending'}
      onChange={(e) => onChange(e.target.value as ClipChoice)}
    >
      <option value="trending">Trending clip {formatDuration(trending.durationSec)}</option>
      <option value="full">Full clip {formatDuration(full.durationSec)}</option>
    </select>
  );
}
