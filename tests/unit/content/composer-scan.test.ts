// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addsIdField, scanComposers } from '@/lib/content/scan/composer-scan';
import { readComposerState } from '@/lib/content/scan/composer-state';
import { createLabelIndex, labelElementsOf, namesOf } from '@/lib/content/scan/field-names';

const fixture = (file: string) =>
  readFileSync(path.resolve('tests/fixtures/pages', file), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');

function load(html: string) {
  document.body.innerHTML = html;
  return scanComposers(document);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('how a music id field is named', () => {
  it.each([
    ['a name', '<input name="musicSoundId">', 'cml-song-clip'],
    ['a snake_case id', '<input id="music_sound_id">', 'cml-song-clip'],
    ['a data-* field name', '<input data-field="tiktokMusic.trackId">', 'layers-track'],
    ['an aria-label', '<input aria-label="Sound ID">', 'cml-song-clip'],
    ['aria-labelledby', '<span id="l">Music track ID</span><input aria-labelledby="l">', 'layers-track'],
    ['a label for=', '<label for="x">Song clip ID</label><input id="x" name="field_7">', 'cml-song-clip'],
    ['a wrapping label', '<label>Track ID <input name="f2"></label>', 'layers-track'],
    ['a placeholder', '<input placeholder="Track ID">', 'layers-track'],
    ['nearby text', '<div><span>Music sound ID</span><input></div>', 'cml-song-clip'],
    ['nearby text around a wrapper', '<div><b>Sound ID</b><div><input></div></div>', 'cml-song-clip'],
    ['a textarea', '<textarea name="song_clip_id"></textarea>', 'cml-song-clip'],
  ])('by %s', (_, html, kind) => {
    const composers = load(html);
    expect(composers).toHaveLength(1);
    expect(composers[0]?.idFields.map((field) => field.kind)).toEqual([kind]);
  });

  it.each([
    ['a hidden input', '<input type="hidden" name="musicSoundId">'],
    ['a checkbox', '<input type="checkbox" name="trackId">'],
    ['a range', '<input type="range" name="musicSoundId">'],
    ['an unrelated field', '<input name="trackingId"><input name="caption">'],
    [
      'a label of another field',
      '<label for="a">Sound ID</label><input id="a" type="radio"><input name="x">',
    ],
  ])('not by %s', (_, html) => {
    expect(load(html)).toEqual([]);
  });
});

describe('composer regions', () => {
  it('reads a bundle.social-style form: fields, draft checkbox and post type', () => {
    const [composer, ...rest] = load(`
      <form>
        <label><input type="radio" name="data.TIKTOK.type" value="VIDEO"> Video</label>
        <label><input type="radio" name="data.TIKTOK.type" value="IMAGE" checked> Photos</label>
        <label for="s">Music sound ID</label><input id="s" name="data.TIKTOK.musicSoundInfo.musicSoundId" value="7312345678901234567">
        <input type="number" name="data.TIKTOK.musicSoundInfo.musicSoundVolume" value="70">
        <input type="number" name="data.TIKTOK.musicSoundInfo.videoOriginalSoundVolume">
        <input type="number" name="data.TIKTOK.musicSoundInfo.musicSoundStart" value="0">
        <input type="number" name="data.TIKTOK.musicSoundInfo.musicSoundEnd" value="30000">
        <label><input type="checkbox" name="data.TIKTOK.uploadToDraft" checked> Upload to draft</label>
      </form>`);
    expect(rest).toEqual([]);
    expect(composer?.root.localName).toBe('form');
    expect(Object.keys(composer?.values ?? {}).sort()).toEqual([
      'music-volume',
      'original-volume',
      'trim-end',
      'trim-start',
    ]);
    expect(composer && readComposerState(composer)).toEqual({
      idKind: 'cml-song-clip',
      idValue: '7312345678901234567',
      postType: 'IMAGE',
      draft: true,
      targetMode: null,
      musicMode: null,
      values: { 'music-volume': 70, 'original-volume': null, 'trim-start': 0, 'trim-end': 30000 },
    });
  });

  it('keeps the two targets of a Layers form apart, each with its own modes', () => {
    const composers = load(fixture('layers-composer.html'));
    expect(composers.map((composer) => composer.root.getAttribute('aria-label'))).toEqual([
      'Target 1: @brand',
      'Target 2: @creator',
    ]);
    expect(composers.map((composer) => readComposerState(composer))).toEqual([
      expect.objectContaining({ idKind: 'layers-track', targetMode: 'managed', musicMode: 'manual' }),
      expect.objectContaining({ idKind: 'layers-track', targetMode: 'publish', musicMode: 'manual' }),
    ]);
  });

  it('reads a snake_case form with a select post type and a range volume named by nearby text', () => {
    load(fixture('snake-composer.html'));
    const late = document.getElementById('late');
    if (late) {
      late.innerHTML = `
        <div class="row"><span>Music volume</span> <input name="music_sound_volume" type="range" value="40"></div>
        <div class="row"><label><input type="checkbox" name="upload_to_draft"> Send to drafts</label></div>`;
    }
    const [composer] = scanComposers(document);
    expect(composer && readComposerState(composer)).toEqual(
      expect.objectContaining({ postType: 'VIDEO', draft: false, values: { 'music-volume': 40 } }),
    );
    expect(composer?.draft?.getAttribute('name')).toBe('upload_to_draft');
  });

  it('reads a tab list post type and side-by-side composers without forms', () => {
    const composers = load(`
      <div class="post">
        <div role="tablist"><button role="tab" aria-selected="false">Video</button><button role="tab" aria-selected="true">Photo</button></div>
        <input aria-label="Sound ID" value="1">
      </div>
      <div class="post">
        <div role="tablist"><button role="tab" aria-selected="true">Video</button><button role="tab" aria-selected="false">Photo</button></div>
        <input aria-label="Sound ID" value="2">
      </div>`);
    expect(composers.map((composer) => readComposerState(composer).postType)).toEqual(['IMAGE', 'VIDEO']);
    expect(composers.map((composer) => composer.root.className)).toEqual(['post', 'post']);
  });
});

describe('the check a DOM change costs on a page without a composer', () => {
  it.each([
    ['an added id field', '<div><input name="musicSoundId"></div>', true],
    ['an added label naming an existing field', '<label for="existing">Track ID</label>', true],
    ['added comment boxes', '<p><input name="comment_1" aria-label="Comment 1"></p>', false],
    ['an added volume alone', '<input name="musicSoundVolume">', false],
  ])('%s → %s', (_, html, expected) => {
    document.body.innerHTML = '<input id="existing">';
    const holder = document.createElement('div');
    holder.innerHTML = html;
    const added = Array.from(holder.children);
    document.body.append(...added);
    expect(addsIdField(added)).toBe(expected);
  });
});

describe('labels, found without `element.labels` (Blink walks the whole page for it)', () => {
  const LABELABLE = [HTMLInputElement, HTMLTextAreaElement, HTMLSelectElement];
  const native = new Map(
    LABELABLE.map((type) => [type, Object.getOwnPropertyDescriptor(type.prototype, 'labels')]),
  );
  const forbidLabels = () => {
    for (const type of LABELABLE) {
      Object.defineProperty(type.prototype, 'labels', {
        configurable: true,
        get() {
          throw new Error('element.labels was read');
        },
      });
    }
  };
  afterEach(() => {
    for (const [type, descriptor] of native)
      if (descriptor) Object.defineProperty(type.prototype, 'labels', descriptor);
  });

  it('names fields by label[for], a wrapping label and radio labels without ever reading it', () => {
    document.body.innerHTML = `<form>
      <label for="x">Song clip ID</label><input id="x" name="field_7">
      <label>Music volume <input name="f2" type="number" value="50"></label>
      <label><input type="checkbox" name="f3"> Save as draft</label>
      <input type="radio" name="t" value="a" id="ra"><label for="ra">Video</label>
      <label><input type="radio" name="t" value="b"> Photo</label>
    </form>`;
    const nativeNames = namesOf(document.querySelector('#x') as Element);
    forbidLabels();
    expect(namesOf(document.querySelector('#x') as Element)).toEqual(nativeNames);
    const [composer] = scanComposers(document);
    expect(composer?.idFields.map((field) => field.kind)).toEqual(['cml-song-clip']);
    expect(composer?.values['music-volume']?.map((field) => field.name)).toEqual(['f2']);
    expect(composer?.draft?.getAttribute('name')).toBe('f3');
    expect(composer && readComposerState(composer).postType).toBeNull();
    (document.querySelector('[value="b"]') as HTMLInputElement).checked = true;
    expect(composer && readComposerState(composer).postType).toBe('IMAGE');
    expect(addsIdField([document.querySelector('form') as Element])).toBe(true);
  });

  it('lists the same labels, in the same order, as `element.labels`', () => {
    document.body.innerHTML = `
      <label for="a">first</label><label>wrap <input id="a"></label><label for="a">last</label>
      <label for="b">points elsewhere <input id="c"></label><input id="b">
      <input id="dup"><input id="dup"><label for="dup">first of two ids</label>
      <label>outer <span><textarea id="t"></textarea><input id="second"></span></label>
      <label for="s">select</label><select id="s"></select>
      <div role="switch" id="sw"></div><label for="sw">not labelable</label>
      <label><input type="hidden" id="h"> hidden</label>`;
    const labelsOf = createLabelIndex();
    for (const control of Array.from(document.querySelectorAll('input, textarea, select, div'))) {
      const expected = 'labels' in control ? Array.from((control as HTMLInputElement).labels ?? []) : [];
      expect(labelsOf(control), `#${control.id}`).toEqual(expected);
      expect(labelElementsOf(control), `#${control.id}`).toEqual(expected);
    }
  });
});

describe('a page writing huge names and labels', () => {
  it('costs a scan only milliseconds, and the composer is still found', () => {
    const kb20 = (unit: string) => unit.repeat(Math.ceil(20_000 / unit.length));
    document.body.innerHTML = `<form>
      <span id="big">${kb20('Lorem ipsum ')}</span>
      <label>${kb20('WORDS ')}<input id="${kb20('x.')}" name="${kb20('y.')}" data-field="${kb20('Z')}"
        aria-label="${kb20('ABC')}" aria-labelledby="${kb20('big ')}" placeholder="${kb20('a.b ')}"
        title="${kb20('Title ')}"></label>
      <select name="${kb20('q.')}"><option value="VIDEO">Video ${kb20('V')}</option><option value="IMAGE">${kb20('Photo ')}</option></select>
      <div role="tablist"><span role="tab" aria-selected="true">${kb20('Publish ')}</span><span role="tab">${kb20('Draft ')}</span></div>
      <input name="musicSoundId"></form>`;
    let composers: ReturnType<typeof scanComposers> = [];
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      composers = scanComposers(document);
      best = Math.min(best, performance.now() - start);
    }
    expect(composers.map((composer) => composer.idFields.map((field) => field.kind))).toEqual([
      ['cml-song-clip'],
    ]);
    expect(best).toBeLessThan(50);
    const state = readComposerState(composers[0] as (typeof composers)[0]);
    expect([state.postType, state.targetMode]).toEqual(['VIDEO', 'publish']);
  });
});
