// @vitest-environment jsdom
/**
 * On Studio, once its form is found, the content script watches Studio's regions (the form, the
 * editor or picker mounted beside it) and only the comings and goings around them: a busy page
 * elsewhere produces no work at all, while a panel mounting at the end of <body> or the form being
 * unmounted high up is still seen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, observeDocument } from '@/lib/content/document-observer';
import { createScope, type Scope } from '@/lib/content/scope';
import { studioRegions } from '@/lib/content/studio/studio-dom';
import { STUDIO_COMPOSER_SELECTOR } from '@/lib/content/studio/studio-selectors';

const tick = () => new Promise((resolve) => setTimeout(resolve, BATCH_MS * 3));

let scope: Scope;
let onStructure: ReturnType<typeof vi.fn<(added: readonly Element[] | null) => void>>;

const page = () => {
  document.body.innerHTML = `
    <div id="root"><div class="app"><nav id="nav"><ul id="menu"></ul></nav>
      <main id="main"><div class="upload-container jsx-1"><div data-e2e="caption_container"><div contenteditable="true"></div></div>
        <div id="form-slot"></div><button data-e2e="post_video_button">Post</button></div></main></div></div>
    <div id="portals"></div>`;
};

function watch(narrow: boolean) {
  // As the adapter does: the form seen at the last look, whose removal calls for a new look.
  const forms = () => Array.from(document.querySelectorAll('.upload-container'));
  let seen = forms();
  onStructure = vi.fn((_added: readonly Element[] | null) => {
    seen = forms();
  });
  observeDocument(document, scope, STUDIO_COMPOSER_SELECTOR, {
    tracked: () => seen,
    holds: () => false,
    active: () => false,
    onStructure,
    onState: () => {},
    ...(narrow ? { regions: () => studioRegions(document) } : {}),
  });
}

const editor = () => {
  const element = document.createElement('div');
  element.className = 'clip-forge-editor';
  element.innerHTML =
    '<div class="clip-forge-editor-header-right"><button class="Button__root--type-primary">Save</button></div><div id="editor-body"></div>';
  return element;
};

beforeEach(() => {
  page();
  scope = createScope(new AbortController().signal);
});

afterEach(() => {
  scope.dispose();
  document.body.innerHTML = '';
});

describe("Studio's regions", () => {
  it('are the form and, for an editor outside it, the largest subtree around the editor without the form', () => {
    document.getElementById('portals')?.append(editor());
    expect(studioRegions(document).map((region) => region.id || region.className)).toEqual([
      'upload-container jsx-1',
      'portals',
    ]);
  });

  it('are none on a page without Studio markup', () => {
    document.body.innerHTML = '<main><p>Log in to TikTok</p></main>';
    expect(studioRegions(document)).toEqual([]);
  });
});

describe('watching Studio', () => {
  it('ignores Studio-looking markup added outside its regions, which watching the whole document reports', async () => {
    const outside = () =>
      document
        .getElementById('menu')
        ?.insertAdjacentHTML('beforeend', '<li><button data-button-name="sounds">Sounds</button></li>');
    watch(true);
    outside();
    await tick();
    expect(onStructure).not.toHaveBeenCalled();

    scope.dispose();
    scope = createScope(new AbortController().signal);
    watch(false);
    outside();
    await tick();
    expect(onStructure).toHaveBeenCalledTimes(1);
  });

  it('sees a change inside the form, an editor mounted in a portal, and a panel opening inside that editor', async () => {
    watch(true);
    document
      .getElementById('form-slot')
      ?.insertAdjacentHTML(
        'beforeend',
        '<div class="sound-container"><div class="sound"><div class="marquee"><p>Night Drive</p></div></div></div>',
      );
    await tick();
    expect(onStructure).toHaveBeenCalledTimes(1);

    document.getElementById('portals')?.append(editor());
    await tick();
    expect(onStructure).toHaveBeenCalledTimes(2);

    // The editor is a region now: what opens deep inside it is seen.
    document
      .getElementById('editor-body')
      ?.insertAdjacentHTML('beforeend', '<div data-name="MusicPanel"></div>');
    await tick();
    expect(onStructure).toHaveBeenCalledTimes(3);
  });

  it('sees a panel rendered into a portal root that came empty to <body> a moment before', async () => {
    watch(true);
    const portal = document.createElement('div');
    document.body.append(portal);
    await tick();
    expect(onStructure).not.toHaveBeenCalled();
    portal.append(editor());
    await tick();
    expect(onStructure).toHaveBeenCalledTimes(1);
  });

  it('sees the form unmounted with an ancestor, and then watches the whole document until Studio is back', async () => {
    watch(true);
    document.getElementById('main')?.remove();
    await tick();
    expect(onStructure).toHaveBeenCalledWith(null);

    onStructure.mockClear();
    document
      .getElementById('nav')
      ?.insertAdjacentHTML('beforeend', '<section><div><div class="upload-container"></div></div></section>');
    await tick();
    expect(onStructure).toHaveBeenCalledTimes(1);
  });
});
