import { genreLabel } from '@/lib/shared/genres';

const MAX_CHIPS = 2;

/** Genre chips (readable labels), the "cleared" badge, and "chosen" when this is the current track. */
export function TrackGenres({
  genres,
  cleared,
  chosen,
}: {
  genres: readonly string[];
  cleared: boolean;
  chosen: boolean;
}) {
  const shown = genres.slice(0, MAX_CHIPS);
  const more = genres.length - shown.length;
  return (
    <p className="chips">
      {chosen && <span className="badge badge-chosen">Chosen</span>}
      {cleared ? (
        <span className="badge badge-cleared" title="In TikTok's Commercial Music Library">
          Cleared
        </span>
      ) : (
        <span className="badge badge-uncleared" title="Not in TikTok's Commercial Music Library">
          Not cleared
        </span>
      )}
      {shown.map((genre) => (
        <span key={genre} className="chip">
          {genreLabel(genre)}
        </span>
      ))}
      {more > 0 && (
        <span className="chip" title={genres.slice(MAX_CHIPS).map(genreLabel).join(', ')}>
          +{more}
        </span>
      )}
    </p>
  );
}
