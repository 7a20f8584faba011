// @vitest-environment jsdom
/**
 * The Studio panel's behaviour on markup shaped like Studio's: it types and submits the search,
 * highlights the row and says what to press, points to the button that opens a picker and goes on
 * by itself, points to the Unlimited tab for a CML track, checks what is attached, and never
 * presses a Studio button.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScope } from '@/lib/content/scope';
import { createStudioAdapter, type StudioAdapter } from '@/lib/content/studio/studio-adapter';
import { toChosen } from '@/lib/shared/clips';
import type { ChosenTrack } from '@/lib/shared/track';
import { cmlTrack } from '../../fixtures/tracks';

const chosen: ChosenTrack = {
  ...toChosen(cmlTrack, null, 0),
  title: 'Glasshouse Parade',
  artist: 'The Lanterns',
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

const row = (title: string, desc: string, icon = 'PlusBold') =>
  `<div class="MusicPanelMusicItem__wrap" role="listitem"><p class="MusicPanelMusicItem__infoBasicTitle">${title}</p><p class="MusicPanelMusicItem__infoBasicDesc">${desc}</p><div class="MusicPanelMusicItem__operation"><button><span data-icon="${icon}"></span></button></div></div>`;

/** Studio's Sounds panel: a search that answers on Enter, per tab, like the real one. */
function mountPanel(libraries: Record<string, string[][]>, selected = 'For You') {
  const panel = document.createElement('div');
  panel.setAttribute('data-name', 'MusicPanel');
  panel.className = 'MusicPanelContainer__root';
  panel.innerHTML = `<div role="tablist">${Object.keys(libraries)
    .map((tab) => `<button role="tab" aria-selected="${tab === selected}">${tab}</button>`)
    .join(
      '',
    )}</div><div class="MusicPanelSearchBar__wrap"><input type="text" placeholder="Search sounds"></div><div class="rows"></div>`;
  const input = panel.querySelector('input') as HTMLInputElement;
  const tabName = () => panel.querySelector('[aria-selected="true"]')?.textContent ?? '';
  const searches: string[] = [];
  input.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Enter') return;
    searches.push(input.value);
    const words = input.value.toLowerCase();
    setTimeout(() => {
      (panel.querySelector('.rows') as HTMLElement).innerHTML = (libraries[tabName()] ?? [])
        .filter(([title]) => words.includes((title ?? '').toLowerCase()))
        .map(([title, desc]) => row(title ?? '', desc ?? ''))
        .join('');
    }, 30);
  });
  for (const tab of panel.querySelectorAll('[role="tab"]')) {
    tab.addEventListener('click', () => {
      for (const other of panel.querySelectorAll('[role="tab"]'))
        other.setAttribute('aria-selected', String(other === tab));
    });
  }
  document.querySelector('.editor')?.append(panel);
  // What the document observer does when Studio mounts a panel (tested with it elsewhere).
  adapter.rescan();
  return { panel, input, searches };
}

let adapter: StudioAdapter;
let clicks: string[];
const ui = () => document.querySelector('[data-cleartune-ui="studio-panel"]')?.shadowRoot as ShadowRoot;
const status = () => ui().querySelector('[role="status"]')?.textContent;
const findButton = () =>
  Array.from(ui().querySelectorAll('button')).find(
    (b) => b.textContent === 'Find in Sounds',
  ) as HTMLButtonElement;

beforeEach(() => {
  document.body.innerHTML = `<div class="upload-container"><input type="file" accept="video/*">
    <div class="editor"><div class="clip-forge-editor-header-right"><button class="Button__root--type-primary">Save</button></div>
    <button data-button-name="sounds">Sounds</button></div>
    <div data-e2e="copyright_container"></div>
    <button data-e2e="post_video_button">Post</button></div>`;
  // Studio's buttons must never be pressed by Cleartune: every programmatic click is recorded.
  clicks = [];
  const click = HTMLElement.prototype.click;
  vi.spyOn(HTMLElement.prototype, 'click').mockImplementation(function (this: HTMLElement) {
    if (!this.closest('[data-cleartune-ui]') && this.getRootNode() === document)
      clicks.push(this.outerHTML.slice(0, 60));
    click.call(this);
  });
  adapter = createStudioAdapter(document, createScope(new AbortController().signal), () => chosen);
  adapter.rescan();
});

afterEach(() => adapter.dispose());

describe("the panel's track", () => {
  const cover = () => ui().querySelector('img') as HTMLImageElement;

  it('shows the cover, the title and artist, and the clip length', () => {
    expect(cover().getAttribute('src')).toBe(cmlTrack.coverUrl);
    expect(cover().hidden).toBe(false);
    expect(cover().alt).toBe('');
    expect(ui().textContent).toContain('♪ Glasshouse Parade — The Lanterns');
    expect(ui().textContent).toMatch(/· \d+:\d\d/);
  });

  it('hides a cover that does not load, and shows none for a track without one', () => {
    cover().dispatchEvent(new Event('error'));
    expect(cover().hidden).toBe(true);

    adapter.dispose();
    adapter = createStudioAdapter(document, createScope(new AbortController().signal), () => ({
      ...chosen,
      coverUrl: null,
    }));
    adapter.rescan();
    expect(cover().hidden).toBe(true);
    expect(cover().hasAttribute('src')).toBe(false);
    expect(ui().textContent).toContain('♪ Glasshouse Parade — The Lanterns');
  });
});

describe('Find in Sounds on the video editor', () => {
  it('points to "Sounds" when the panel is closed, then searches, highlights and says what to press once it opens', async () => {
    findButton().click();
    expect(status()).toBe(
      'Press “Sounds” in the editor (highlighted): Cleartune searches as soon as it opens.',
    );
    expect(document.querySelector('[data-button-name="sounds"]')?.hasAttribute('data-cleartune-match')).toBe(
      true,
    );

    const { input, searches } = mountPanel({
      'For You': [
        ['Glasshouse Parade', 'The Lanterns · 00:38'],
        ['Night Drive', 'Neon Rivers'],
      ],
    });
    await vi.waitFor(() => expect(searches).toEqual(['Glasshouse Parade The Lanterns']));
    expect(input.value).toBe('Glasshouse Parade The Lanterns');
    await vi.waitFor(() =>
      expect(status()).toBe('Found it: press + on the highlighted row, then Save in the editor.'),
    );
    const marked = document.querySelectorAll('[data-cleartune-match]');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.querySelector('.MusicPanelMusicItem__infoBasicTitle')?.textContent).toBe(
      'Glasshouse Parade',
    );
    expect(clicks).toEqual([]);
  });

  it("points a CML track to Studio's Unlimited tab when the open tab lacks it, and searches again there", async () => {
    const { searches } = mountPanel({
      'For You': [['Night Drive', 'Neon Rivers']],
      Unlimited: [['Glasshouse Parade', 'The Lanterns']],
    });
    await settle();
    findButton().click();
    await vi.waitFor(
      () =>
        expect(status()).toBe(
          "Not in this tab. Commercial Music Library tracks are in Studio's “Unlimited” tab (highlighted): open it and Cleartune searches again.",
        ),
      { timeout: 6000 },
    );
    const unlimited = Array.from(document.querySelectorAll('[role="tab"]')).find(
      (tab) => tab.textContent === 'Unlimited',
    );
    expect(unlimited?.hasAttribute('data-cleartune-match')).toBe(true);
    // The person opens the tab (a real click, which this test stands in for).
    HTMLElement.prototype.click.call(unlimited);
    clicks.length = 0;
    await vi.waitFor(() => expect(searches).toHaveLength(2));
    await vi.waitFor(() =>
      expect(status()).toBe('Found it: press + on the highlighted row, then Save in the editor.'),
    );
    expect(clicks).toEqual([]);
  });

  it('says when nothing matches, and offers the title and artist to copy', async () => {
    mountPanel({ 'For You': [['Night Drive', 'Neon Rivers']], Unlimited: [] }, 'Unlimited');
    await settle();
    findButton().click();
    await vi.waitFor(
      () =>
        expect(status()).toBe(
          "Studio's search found no sound matching ♪ Glasshouse Parade — The Lanterns. Copy the title or artist to search by hand.",
        ),
      { timeout: 6000 },
    );
    const copy = Array.from(ui().querySelectorAll('button')).filter((b) => b.textContent?.startsWith('Copy'));
    expect(copy.map((b) => b.textContent)).toEqual(['Copy title', 'Copy artist']);
    expect(copy[0]?.closest('[hidden]')).toBeNull();
  });
});

describe('what is attached', () => {
  const attach = (label: string) => {
    document
      .querySelector('.upload-container')
      ?.insertAdjacentHTML(
        'beforeend',
        `<div class="sound-container"><div class="sound"><div class="marquee"><p>${label}</p><p>${label}</p></div></div></div>`,
      );
  };
  const verdict = () => ui().querySelector('.verdict')?.textContent;
  const note = () => ui().querySelector('[role="alert"]');

  it('confirms the chosen track, names another sound, and reports both to the background', async () => {
    attach('Glasshouse Parade - The Lanterns');
    adapter.rescan();
    expect(verdict()).toBe('✓ Glasshouse Parade is attached');
    expect(adapter.report()).toMatchObject({
      attached: 'Glasshouse Parade - The Lanterns',
      verdict: 'chosen',
    });
    (document.querySelector('.marquee') as HTMLElement).innerHTML = '<p>Night Drive</p><p>Night Drive</p>';
    await vi.waitFor(() =>
      expect(verdict()).toBe('The attached sound is Night Drive, not your chosen Glasshouse Parade.'),
    );
    expect(adapter.report()).toMatchObject({ verdict: 'other' });
  });

  it('reminds to Save the editor while an added sound is only in the editor', async () => {
    mountPanel({ 'For You': [] });
    (document.querySelector('.rows') as HTMLElement).innerHTML = row(
      'Glasshouse Parade',
      'The Lanterns',
      'ArrowLeftRight',
    );
    await vi.waitFor(() =>
      expect(note()?.textContent).toBe('Press Save in the editor, or Studio drops the sound.'),
    );
    expect(adapter.report()?.pendingSave).toBe(true);
    // Saved: the form shows the sound (the document observer rescans on it), the note goes.
    attach('Glasshouse Parade');
    adapter.rescan();
    await vi.waitFor(() => expect(note()?.hasAttribute('hidden')).toBe(true));
  });

  it('offers the cleared choice when Studio reports copyright issues with another sound', async () => {
    attach('Night Drive');
    const box = document.querySelector('[data-e2e="copyright_container"]') as HTMLElement;
    box.innerHTML = '<div class="status-result status-warn" data-show="true">Copyright issues detected</div>';
    adapter.rescan();
    expect(note()?.textContent).toBe(
      'Studio reports copyright issues with the attached sound. Your chosen Glasshouse Parade is cleared for business use: press Find in Sounds to use it instead.',
    );
    expect(adapter.report()).toMatchObject({ copyright: 'issues', verdict: 'other' });
  });
});

describe('markup Cleartune does not know', () => {
  it('says so when the editor is open but has no Sounds button it knows', () => {
    document.querySelector('[data-button-name="sounds"]')?.remove();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    findButton().click();
    expect(status()).toBe("Cleartune can't see Studio's sound picker on this page.");
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('says so, with the title to copy, when the result rows carry no title it knows', async () => {
    const { panel } = mountPanel({ 'For You': [['Glasshouse Parade', 'The Lanterns']] });
    // Studio renamed its title class: the rows arrive, their titles unreadable.
    new MutationObserver(() => {
      for (const title of panel.querySelectorAll('.MusicPanelMusicItem__infoBasicTitle'))
        title.className = 'MusicItemTitle__text';
    }).observe(panel, { childList: true, subtree: true });
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    findButton().click();
    await vi.waitFor(
      () =>
        expect(status()).toBe(
          "Cleartune can't see Studio's sound picker on this page. Search for the title by hand: copy it below.",
        ),
      { timeout: 6000 },
    );
    expect(adapter.report()?.problem).toBe("Cleartune can't see Studio's sound picker on this page.");
    expect(Array.from(ui().querySelectorAll('button'), (b) => b.textContent)).toContain('Copy title');
    expect(info).toHaveBeenCalledWith(
      "[Cleartune] TikTok Studio: the sound picker's rows have no title Cleartune knows",
    );
  });

  it('does nothing on the page, logs one line, and says it cannot see the picker', () => {
    adapter.dispose();
    // A caption Cleartune knows, and nothing else it does: no form, editor, picker or their buttons.
    document.body.innerHTML = '<div data-e2e="caption_container"><div contenteditable="true"></div></div>';
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    adapter = createStudioAdapter(document, createScope(new AbortController().signal), () => chosen);
    adapter.rescan();
    findButton().click();
    findButton().click();
    expect(status()).toBe("Cleartune can't see Studio's sound picker on this page.");
    expect(adapter.report()?.problem).toBe("Cleartune can't see Studio's sound picker on this page.");
    expect(info).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('[data-cleartune-match]')).toHaveLength(0);
  });
});
