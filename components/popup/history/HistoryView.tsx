import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { useFinder } from '@/lib/popup/finder-app';
import {
  HISTORY_PAGE,
  type HistoryFilter,
  type HistoryRow,
  historyTrack,
  NO_HISTORY_FILTER,
} from '@/lib/popup/history';
import { DATE_RANGES } from '@/lib/shared/genres';
import { errorText } from '@/lib/shared/messages';
import { type ExportFormat, exportedMessage, favoritesExport, usageExport } from '@/lib/shared/usage-export';
import { HistoryControls } from './HistoryControls';
import { HistoryList } from './HistoryList';
import './history.css';

type Load = { state: 'loading' } | { state: 'error'; text: string } | { state: 'ready'; rows: HistoryRow[] };

/** Back to the tracks (the Back button, Escape), with focus on the History button that opened this. */
function useBack(setHistory: (history: boolean) => void): () => void {
  const back = useCallback(() => {
    setHistory(false);
    document.getElementById('history-button')?.focus();
  }, [setHistory]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A field's own Escape (clearing the search) and an open dialog come first.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [back]);
  return back;
}

/**
 * The usage record in the finder's main area: read afresh each time it opens, searchable and
 * filterable, each entry usable again; export of the record and the favorites; Clear with Undo.
 */
export default function HistoryView({ setHistory }: { setHistory: (history: boolean) => void }) {
  const { deps, store, tracks } = useFinder();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [filter, setFilter] = useState<HistoryFilter>(NO_HISTORY_FILTER);
  const [limit, setLimit] = useState(HISTORY_PAGE);
  // "Today" is the day the view opened.
  const [now] = useState(deps.now);
  const heading = useRef<HTMLHeadingElement>(null);
  const back = useBack(setHistory);

  const read = useCallback(
    () =>
      deps.send('getUsage').then(
        (rows) => setLoad({ state: 'ready', rows }),
        (error: unknown) => setLoad({ state: 'error', text: errorText(error) }),
      ),
    [deps],
  );
  useEffect(() => {
    void read();
  }, [read]);

  const rows = load.state === 'ready' ? load.rows : null;
  const changeFilter = useCallback((next: HistoryFilter) => {
    setFilter(next);
    setLimit(HISTORY_PAGE);
  }, []);

  const actions = useMemo(
    () => ({
      /** As a row's Use: the finder's own track when its list holds it, else one rebuilt from the entry. */
      async reuse(row: HistoryRow) {
        const { entry, clip } = historyTrack(row, store.getState().index.entries);
        // Recorded as found where it was found then, not in the list on screen now.
        const range = DATE_RANGES.find((known) => known === row.range);
        await tracks.use(entry, clip, row.genre && range ? { genre: row.genre, range } : undefined);
        // The use just made is in the record now (when it filled a composer).
        void read();
      },
      async clear() {
        try {
          const removed = await deps.send('clearUsage');
          setLoad({ state: 'ready', rows: [] });
          changeFilter(NO_HISTORY_FILTER);
          heading.current?.focus();
          void tracks.loadUses();
          tracks.say(i18n.t('history.cleared', removed.length), () => {
            void deps.send('restoreUsage', { rows: removed }).then(
              (restored) => {
                setLoad({ state: 'ready', rows: restored });
                void tracks.loadUses();
                tracks.say(i18n.t('history.restored', restored.length));
              },
              (error: unknown) => tracks.say(i18n.t('history.restoreFailed', { error: errorText(error) })),
            );
          });
        } catch (error) {
          tracks.say(i18n.t('history.clearFailed', { error: errorText(error) }));
        }
      },
      async exportFile(what: 'usage' | 'favorites', format: ExportFormat) {
        try {
          const at = new Date(deps.now());
          if (what === 'usage') {
            const all = await deps.send('getUsage');
            const file = usageExport(all, format, at);
            deps.download(file.fileName, file.text, file.mime);
            tracks.say(exportedMessage(what, all.length, format));
          } else {
            const keys = await deps.send('getFavorites');
            const file = favoritesExport(keys, format, at);
            deps.download(file.fileName, file.text, file.mime);
            tracks.say(exportedMessage(what, keys.length, format));
          }
        } catch (error) {
          tracks.say(i18n.t('history.exportFailed', { error: errorText(error) }));
        }
      },
    }),
    [deps, store, tracks, read, changeFilter],
  );

  return (
    <section className="history" aria-labelledby="history-title">
      <div className="history-bar">
        <button type="button" onClick={back}>
          <span aria-hidden="true">← </span>
          {i18n.t('history.back')}
        </button>
        <h2 id="history-title" ref={heading} tabIndex={-1}>
          {i18n.t('history.title')}
        </h2>
        {rows && rows.length > 0 && (
          <button type="button" onClick={() => void actions.clear()}>
            {i18n.t('history.clear')}
          </button>
        )}
      </div>
      {load.state === 'loading' && (
        <p className="history-note" role="status">
          {i18n.t('history.loading')}
        </p>
      )}
      {load.state === 'error' && (
        <div className="history-note" role="alert">
          <p>{i18n.t('history.readFailed', { error: load.text })}</p>
          <button
            type="button"
            onClick={() => {
              setLoad({ state: 'loading' });
              heading.current?.focus();
              void read();
            }}
          >
            {i18n.t('history.retry')}
          </button>
        </div>
      )}
      {rows && (
        <HistoryControls
          rows={rows}
          filter={filter}
          onFilter={changeFilter}
          onExport={(what, format) => void actions.exportFile(what, format)}
        />
      )}
      {rows && rows.length === 0 && <p className="history-note">{i18n.t('history.empty')}</p>}
      {rows && rows.length > 0 && (
        <HistoryList
          rows={rows}
          filter={filter}
          limit={limit}
          now={now}
          onMore={() => setLimit(limit + HISTORY_PAGE)}
          onClearFilter={() => changeFilter(NO_HISTORY_FILTER)}
          onUse={(row) => void actions.reuse(row)}
        />
      )}
    </section>
  );
}
