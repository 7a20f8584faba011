import type { TrendBadge } from '@/lib/shared/breakout';
import { genreLabel } from '@/lib/shared/genres';

const MAX_CHIPS = 2;

const TREND_CHIPS: Record<TrendBadge, { label: string; cml: string; layers?: string }> = {
  new: { label: 'New', cml: 'New on the chart in the last 3 days' },
  breakout: {
    label: 'Breakout',
    cml: 'Up 20 or more places in 3 days, or into the top 10 from below 50',
    layers: 'Its use count grew among the fastest in this list since the last refresh',
  },
  fading: { label: 'Fading', cml: 'Down 20 or more places in 7 days' },
};

interface Props {
  genres: readonly string[];
  cleared: boolean;
  chosen: boolean;
  badges: readonly TrendBadge[];
  layers: boolean;
  /** "Used 3 days ago · composer.test", when the track is in the usage record. */
  used: { when: string; site: string } | null;
}

/**
 * The "chosen" and "cleared" badges, trend chips, when it was last used, then genre chips (readable
 * labels). What does not fit is cut from the end: genres first, then the site of the last use.
 */
export function TrackGenres({ genres, cleared, chosen, badges, layers, used }: Props) {
  // A last use takes the genres' room: when and where it was used matters more for rotation.
  const shown = genres.slice(0, Math.max(0, MAX_CHIPS - badges.length - (used ? MAX_CHIPS : 0)));
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
      {badges.map((badge) => {
        const chip = TREND_CHIPS[badge];
        return (
          <span key={badge} className={`badge badge-${badge}`} title={(layers && chip.layers) || chip.cml}>
            {chip.label}
          </span>
        );
      })}
      {used && (
        <span className="badge badge-used" title={`Used ${used.when} on ${used.site}`}>
          Used {used.when} · {used.site}
        </span>
      )}
      {shown.map((genre) => (
        <span key={genre} className="chip">
          {genreLabel(genre)}
        </span>
      ))}
      {more > 0 && !used && (
        <span className="chip" title={genres.slice(shown.length).map(genreLabel).join(', ')}>
          +{more}
        </span>
      )}
    </p>
  );
}
