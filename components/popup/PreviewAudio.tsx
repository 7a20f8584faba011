import { useEffect, useRef } from 'react';
import { useFinder } from '@/lib/popup/finder-app';

/** The one audio element every preview plays through, so only one track plays at a time. */
export function PreviewAudio() {
  const { preview } = useFinder();
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => (audio.current ? preview.attach(audio.current) : undefined), [preview]);
  return (
    <audio ref={audio} preload="none" className="preview-audio" data-testid="preview-audio">
      {/* Instrumental previews have no words; the empty track satisfies caption tooling. */}
      <track kind="captions" />
    </audio>
  );
}
