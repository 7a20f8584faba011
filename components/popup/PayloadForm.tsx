import { useState } from 'react';
import { i18n } from '#i18n';
import type { TrackEntry } from '@/lib/popup/catalog-index';
import { useFinder } from '@/lib/popup/finder-app';
import {
  buildPayload,
  DEFAULT_PAYLOAD_CHOICES,
  numberOrNull,
  type PayloadChoices,
} from '@/lib/popup/payload';
import type { TargetMode } from '@/lib/shared/post-rules/layers';
import { PROVIDER_NAMES } from '@/lib/shared/track';

type VideoField = 'musicVolume' | 'originalVolume' | 'startMs' | 'endMs';
const VIDEO_FIELDS: { field: VideoField; max?: number }[] = [
  { field: 'musicVolume', max: 100 },
  { field: 'originalVolume', max: 100 },
  { field: 'startMs' },
  { field: 'endMs' },
];

const TARGET_MODES: readonly TargetMode[] = ['managed', 'publish', 'draft'];

/** The provider's JSON for this track, built live from the choices with the posting rules applied. */
export function PayloadForm({ entry, onClose }: { entry: TrackEntry; onClose: () => void }) {
  const { tracks } = useFinder();
  const { track } = entry;
  const [choices, setChoices] = useState<PayloadChoices>(DEFAULT_PAYLOAD_CHOICES);
  const [texts, setTexts] = useState<Record<VideoField, string>>({
    musicVolume: String(DEFAULT_PAYLOAD_CHOICES.musicVolume),
    originalVolume: String(DEFAULT_PAYLOAD_CHOICES.originalVolume),
    startMs: '',
    endMs: '',
  });
  const payload = buildPayload(track, tracks.clipFor(entry), choices);
  const setField = (field: VideoField, text: string) => {
    setTexts({ ...texts, [field]: text });
    setChoices({ ...choices, [field]: numberOrNull(text) });
  };

  return (
    <form method="dialog" className="payload-form" onSubmit={(e) => e.preventDefault()}>
      <h2 id="payload-title">{i18n.t('popup.payload.title', { title: track.title })}</h2>
      <p className="hint">{i18n.t('popup.payload.hint', { provider: PROVIDER_NAMES[track.provider] })}</p>
      {track.provider === 'bundle-social' ? (
        <>
          <fieldset className="post-type">
            <legend>{i18n.t('popup.payload.postType')}</legend>
            {(['VIDEO', 'IMAGE'] as const).map((type) => (
              <label key={type} className="check">
                <input
                  type="radio"
                  name="post-type"
                  value={type}
                  checked={choices.postType === type}
                  onChange={() => setChoices({ ...choices, postType: type })}
                />
                <span>{i18n.t(type === 'VIDEO' ? 'popup.payload.video' : 'popup.payload.photo')}</span>
              </label>
            ))}
          </fieldset>
          {choices.postType === 'VIDEO' && (
            <div className="video-fields">
              {VIDEO_FIELDS.map(({ field, max }) => (
                <label key={field}>
                  <span>{i18n.t(`popup.payload.${field}`)}</span>
                  <input
                    type="number"
                    min={0}
                    max={max}
                    inputMode="numeric"
                    value={texts[field]}
                    onChange={(e) => setField(field, e.target.value)}
                  />
                </label>
              ))}
            </div>
          )}
        </>
      ) : (
        <label>
          <span>{i18n.t('popup.payload.targetMode')}</span>
          <select
            value={choices.targetMode}
            onChange={(e) => setChoices({ ...choices, targetMode: e.target.value as TargetMode })}
          >
            {TARGET_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {i18n.t(`popup.payload.${mode}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <pre className="payload-json" data-testid="payload-json">
        {payload.json}
      </pre>
      {payload.notes.length > 0 && (
        <ul className="payload-notes">
          {payload.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="dialog-buttons">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void tracks.copyText(payload.json, i18n.t('popup.say.thePayload', { title: track.title }))
          }
        >
          {i18n.t('popup.payload.copy')}
        </button>
        <button type="button" onClick={onClose}>
          {i18n.t('popup.close')}
        </button>
      </div>
    </form>
  );
}
