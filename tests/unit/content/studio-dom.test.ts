// @vitest-environment jsdom
/**
 * Reading Studio's state from markup shaped like the reference's rows (readable component classes
 * and data attributes among hashed ones), in English and German.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addSoundButton,
  attachedSound,
  copyrightState,
  readStudioState,
  rowIcon,
  searchBox,
  unlimitedTab,
} from '@/lib/content/studio/studio-dom';

const row = (title: string, desc: string, icon = 'PlusBold') => `
  <div class="MusicPanelMusicItem__wrap jsx-11aa" role="listitem">
    <div class="MusicPanelMusicItem__content css-9f8e">
      <p class="MusicPanelMusicItem__infoBasicTitle">${title}</p>
      <p class="MusicPanelMusicItem__infoBasicDesc">${desc}</p>
    </div>
    <div class="MusicPanelMusicItem__operation"><button class="css-1x"><span data-icon="${icon}"></span></button></div>
  </div>`;

const videoPage = ({ tab = 'For You', attached = '', copyright = '', icon = 'PlusBold' } = {}) => `
  <div class="upload-container jsx-3201745">
    <input type="file" accept="video/*" hidden />
    <div class="clip-forge-editor-header-right css-77"><button>Cancel</button><button class="Button__root--type-primary">Save</button></div>
    <button data-button-name="sounds" data-default-left-menu="MusicPanel">Sounds</button>
    <div data-name="MusicPanel" class="MusicPanelContainer__root jsx-2">
      <div role="tablist">
        ${['For You', 'Unlimited'].map((name) => `<button role="tab" aria-selected="${name === tab}">${name}</button>`).join('')}
        <div class="TUXTabBar-item" id="favourite"><button role="tab" aria-controls="panel-favorites" aria-selected="${tab === 'Favorites'}">Favorites</button></div>
      </div>
      <div class="MusicPanelSearchBar__wrap"><input type="text" placeholder="Search sounds" /></div>
      ${row('Glasshouse Parade', 'The Lanterns · 00:38', icon)}${row('Night Drive', 'Neon Rivers · 01:10')}
    </div>
    ${attached ? `<div class="sound-container"><div class="sound"><div class="marquee"><p>${attached}</p><p>${attached}</p></div></div></div>` : ''}
    <div data-e2e="copyright_container">${copyright}</div>
    <button data-e2e="post_video_button" data-disabled="false">Post</button>
  </div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe("reading Studio's video form", () => {
  it('sees the editor, the Sounds panel and its tab, and a sound added but not saved', () => {
    document.body.innerHTML = videoPage({ tab: 'Unlimited', icon: 'ArrowLeftRight' });
    expect(readStudioState(document)).toEqual({
      form: 'video',
      editorOpen: true,
      picker: { kind: 'sounds', tab: 'unlimited' },
      attached: null,
      pendingInEditor: 'Glasshouse Parade',
      copyright: null,
    });
  });

  it.each([
    ['Favorites', 'favorites'],
    ['For You', 'other'],
  ])('tells the %s tab', (tab, seen) => {
    document.body.innerHTML = videoPage({ tab });
    expect(readStudioState(document).picker).toEqual({ kind: 'sounds', tab: seen });
  });

  it("reads the attached sound once, though Studio's marquee renders it twice", () => {
    document.body.innerHTML = videoPage({ attached: 'Glasshouse Parade - The Lanterns' });
    expect(attachedSound(document)).toBe('Glasshouse Parade - The Lanterns');
  });

  it.each([
    ['<div class="status-result status-checking" data-show="true">Checking…</div>', 'checking'],
    ['<div class="status-result status-warn" data-show="true">Copyright issues detected</div>', 'issues'],
    ['<div class="status-result status-error" data-show="true">Copyright issues detected</div>', 'issues'],
    ['<div class="status-result">No issues found.</div>', 'clear'],
    ['', null],
  ])('reads the copyright check %#', (markup, state) => {
    document.body.innerHTML = videoPage({ copyright: markup });
    expect(copyrightState(document)).toBe(state);
  });

  it('reads row icons, the search box and the Unlimited tab by their handles', () => {
    document.body.innerHTML = videoPage();
    const rows = document.querySelectorAll('.MusicPanelMusicItem__wrap');
    expect(Array.from(rows).map(rowIcon)).toEqual(['add', 'add']);
    const panel = document.querySelector('[data-name="MusicPanel"]') as Element;
    expect(searchBox(panel)?.placeholder).toBe('Search sounds');
    expect(unlimitedTab(panel)?.textContent).toBe('Unlimited');
  });
});

describe("reading Studio's photo form", () => {
  const photoPage = (lang: 'en' | 'de', sound = '') => {
    const words =
      lang === 'de'
        ? { add: 'Sound hinzufügen', replace: 'Ersetzen', photos: 'Fotos' }
        : { add: 'Add sound', replace: 'Replace', photos: 'Photos' };
    return `
      <button role="tab" aria-selected="false">Videos</button><button role="tab" aria-selected="true">${words.photos}</button>
      <input type="file" accept="image/*" multiple hidden />
      ${sound ? `<div class="css-abc"><span>${sound}</span><button>${words.replace}</button></div>` : `<button class="jsx-9">${words.add}</button>`}`;
  };

  it.each(['en', 'de'] as const)('finds "Add sound" and reads the sound box in %s', (lang) => {
    document.body.innerHTML = photoPage(lang);
    expect(readStudioState(document)).toMatchObject({ form: 'photo', picker: null, attached: null });
    expect(addSoundButton(document)?.textContent).toBe(lang === 'de' ? 'Sound hinzufügen' : 'Add sound');
    document.body.innerHTML = photoPage(lang, 'Glasshouse Parade');
    expect(readStudioState(document)).toMatchObject({ form: 'photo', attached: 'Glasshouse Parade' });
  });

  it('sees the photo picker open', () => {
    document.body.innerHTML = `${photoPage('en')}<div class="MusicPickerView__root"><input type="text" />${row('Night Drive', 'Neon Rivers')}</div>`;
    expect(readStudioState(document).picker).toEqual({ kind: 'photo', tab: null });
  });

  it('sees nothing on a page without Studio markup', () => {
    document.body.innerHTML = '<main><button>Add</button><input type="text"></main>';
    expect(readStudioState(document)).toEqual({
      form: null,
      editorOpen: false,
      picker: null,
      attached: null,
      pendingInEditor: null,
      copyright: null,
    });
  });
});
