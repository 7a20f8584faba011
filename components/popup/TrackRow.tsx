import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { i18n } from '#i18n';
import type { TrackEntry } from '@/lib/popup/catalog-index';
import { useFinder, useFinderState } from '@/lib/popup/finder-app';
import {
  describeRankChange,
  formatAge,
  formatCount,
  formatDuration,
  formatRankChange,
} from '@/lib/popup/format';
import { lastUseOf } from '@/lib/popup/results';
import { durationFor, idFor } from '@/lib/shared/clips';
import { ClipSelect } from './ClipSelect';
import { Sparkline } from './Sparkline';
import { TrackGenres } from './TrackGenres';

/** Fixed, so the list can place rows without measuring them. Matches `.track-row` in popup.css. */
export const ROW_HEIGHT = 116;

interface Props {
  entry: TrackEntry;
  index: number;
  count: number;
  focusable: boolean;
  onFocusRow: (index: number) => void;
  /** Mounted during a fling: the cover waits (a cover already shown stays). */
  coverDeferred: boolean;
}

export const TrackRow = memo(function TrackRow({
  entry,
  index,
  count,
  focusable,
  onFocusRow,
  coverDeferred,
}: Props) {
  const { tracks, preview, store, deps } = useFinder();
  const { track, key, change } = entry;
  // One subscription per row, not one per fact: a row mounts on every keystroke and scroll frame.
  const [storedClip, playing, favorite, copied, chosenId, lastUse] = useFinderState(
    useShallow((s) => [
      s.clips[key] ?? null,
      s.preview.key === key && (s.preview.playing || s.preview.loading),
      s.favorites.has(key),
      s.copiedKey === key,
      s.chosen !== null && s.chosen.provider === track.provider ? s.chosen.id : null,
      lastUseOf(entry, s.uses),
    ]),
  );
  const clip = storedClip ?? tracks.clipFor(entry);
  const chosen = chosenId !== null && chosenId === idFor(track, clip);
  const coverShown = useRef(!coverDeferred);
  if (!coverDeferred) coverShown.current = true;
  const changeText = formatRankChange(change);
  const direction = change === null || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';

  return (
    <li
      className="track-row"
      data-index={index}
      data-key={key}
      tabIndex={focusable ? 0 : -1}
      aria-label={i18n.t('popup.row.label', { title: track.title, artist: track.artist })}
      aria-posinset={index + 1}
      aria-setsize={count}
      style={{ top: index * ROW_HEIGHT }}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(index)}
    >
      {track.coverUrl && !coverShown.current ? (
        <span className="cover" aria-hidden="true" />
      ) : track.coverUrl ? (
        <img
          className="cover"
          src={track.coverUrl}
          alt=""
          width={48}
          height={48}
          loading="lazy"
          decoding="async"
        />
      ) : (
        <span className="cover cover-missing" aria-hidden="true">
          ♪
        </span>
      )}
      <div className="row-text">
        <p className="title" title={track.title}>
          {track.title}
        </p>
        <p className="artist" title={track.artist}>
          {track.artist}
          <span className="duration"> · {formatDuration(durationFor(track, clip))}</span>
        </p>
        <TrackGenres
          genres={track.genres}
          cleared={track.cleared}
          chosen={chosen}
          badges={entry.badges}
          layers={track.provider === 'layers'}
          used={lastUse && { when: formatAge(lastUse.at, deps.now()), site: lastUse.site }}
        />
      </div>
      <div className="row-trend">
        {track.rank !== null && (
          <span className="rank">
            <span className="visually-hidden">{i18n.t('popup.row.rank')} </span>#{track.rank}
          </span>
        )}
        {changeText && (
          <span className={`change change-${direction}`} title={describeRankChange(change)}>
            <span aria-hidden="true">{changeText}</span>
            <span className="visually-hidden">{describeRankChange(change)}</span>
          </span>
        )}
        <Sparkline history={track.rankHistory} />
        {track.userCount !== null && (
          <span className="uses">
            {i18n.t('popup.row.uses', track.userCount, { count: formatCount(track.userCount) })}
          </span>
        )}
      </div>
      <div className="row-actions">
        <ClipSelect track={track} value={clip} onChange={(next) => tracks.setClip(entry, next)} />
        <button
          type="button"
          className="icon-button"
          aria-label={i18n.t('popup.row.preview', { title: track.title })}
          aria-pressed={playing}
          title={i18n.t(playing ? 'popup.row.pause' : 'popup.row.play')}
          onClick={() => void preview.toggle(entry)}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        </button>
        <button
          type="button"
          className="primary"
          aria-label={i18n.t('popup.row.useLabel', { title: track.title })}
          onClick={() => void tracks.use(entry)}
        >
          {i18n.t('popup.row.use')}
        </button>
        <button
          type="button"
          aria-label={i18n.t(copied ? 'popup.row.copiedLabel' : 'popup.row.copyLabel', {
            title: track.title,
          })}
          title={idFor(track, clip)}
          onClick={() => void tracks.copyId(entry)}
        >
          {i18n.t(copied ? 'popup.row.copied' : 'popup.row.copy')}
        </button>
        <button
          type="button"
          className="icon-button favorite"
          aria-label={i18n.t('popup.row.favorite', { title: track.title })}
          aria-pressed={favorite}
          onClick={() => void tracks.toggleFavorite(entry)}
        >
          <span aria-hidden="true">{favorite ? '★' : '☆'}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={i18n.t('popup.row.payloadLabel', { title: track.title })}
          title={i18n.t('popup.payload.copy')}
          onClick={() => store.setState({ payloadKey: key })}
        >
          <span aria-hidden="true">{'{ }'}</span>
        </button>
      </div>
    </li>
  );
});
