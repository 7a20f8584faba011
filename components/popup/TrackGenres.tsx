import { i18n } from '#i18n';
import type { TrendBadge } from '@/lib/shared/breakout';
import { genreLabel } from '@/lib/shared/genres';

const MAX_CHIPS = 2;

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
      {chosen && <span className="badge badge-chosen">{i18n.t('popup.chip.chosen')}</span>}
      {cleared ? (
        <span className="badge badge-cleared" title={i18n.t('popup.chip.clearedHint')}>
          {i18n.t('popup.chip.cleared')}
        </span>
      ) : (
        <span className="badge badge-uncleared" title={i18n.t('popup.chip.unclearedHint')}>
          {i18n.t('popup.chip.uncleared')}
        </span>
      )}
      {badges.map((badge) => (
        <span
          key={badge}
          className={`badge badge-${badge}`}
          title={i18n.t(
            layers && badge === 'breakout' ? 'popup.chip.breakoutLayersHint' : `popup.chip.${badge}Hint`,
          )}
        >
          {i18n.t(`popup.chip.${badge}`)}
        </span>
      ))}
      {used && (
        <span className="badge badge-used" title={i18n.t('popup.chip.usedHint', used)}>
          {i18n.t('popup.chip.used', used)}
        </span>
      )}
      {shown.map((genre) => {
        const label = genreLabel(genre);
        return (
          <span key={genre} className="chip" title={label}>
            {label}
          </span>
        );
      })}
      {more > 0 && !used && (
        <span className="chip" title={genres.slice(shown.length).map(genreLabel).join(', ')}>
          +{more}
        </span>
      )}
    </p>
  );
}
