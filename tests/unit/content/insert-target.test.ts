// @vitest-environment jsdom
/**
 * Where the shortcut and the context menu insert: the composer field the person is in or
 * right-clicked, or the id field of the composer around it (the chosen track's kind first); and the
 * right-clicks the content script hears, in frames it watches too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidateFor, focusedElement } from '@/lib/content/insert-target';
import { createScope } from '@/lib/content/scope';
import { type WatchDeps, watchDocument } from '@/lib/content/watched-document';

const COMPOSERS = `
  <form id="first"><label for="a">Music sound ID</label><input id="a" name="music_sound_id" />
    <label for="a-caption">Caption</label><textarea id="a-caption" name="caption"></textarea></form>
  <form id="second"><label for="b">Music sound ID</label><input id="b" name="music_sound_id" />
    <label for="b-caption">Caption</label><textarea id="b-caption" name="caption"></textarea></form>
  <form id="layers"><label for="t">Track ID</label><input id="t" name="tiktokMusic.trackId" />
    <label for="t-caption">Caption</label><textarea id="t-caption" name="caption"></textarea></form>
  <p><label for="search">Search</label><input id="search" /></p>`;

const deps = (more: Partial<WatchDeps> = {}): WatchDeps => ({
  owner: 'test',
  chosen: () => null,
  composersChanged: () => {},
  focused: () => {},
  ...more,
});

const byId = (id: string) => document.getElementById(id);

// Every watcher a test starts ends with it: one left running would watch the next test's frames.
const controllers: AbortController[] = [];
const testScope = () => {
  const controller = new AbortController();
  controllers.push(controller);
  return createScope(controller.signal);
};

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

describe('the insert target', () => {
  it('is the field itself, or the field of the composer around the element, the chosen kind first', () => {
    document.body.innerHTML = COMPOSERS;
    const watched = watchDocument(document, testScope(), deps());
    const target = (element: Element | null, kind: 'cml-song-clip' | 'layers-track' | null) =>
      candidateFor(watched.candidates(), watched.composerRoots(), element, kind)?.ui.field.element;

    expect(target(byId('b'), 'cml-song-clip')).toBe(byId('b'));
    // A field of the other kind is still the one the person is in: the fill then says why not.
    expect(target(byId('t'), 'cml-song-clip')).toBe(byId('t'));
    expect(target(byId('b-caption'), 'cml-song-clip')).toBe(byId('b'));
    expect(target(byId('a-caption'), 'cml-song-clip')).toBe(byId('a'));
    // In a composer without a field of the chosen kind: its own field, which then says why not.
    expect(target(byId('t-caption'), 'cml-song-clip')).toBe(byId('t'));
    // Outside every composer, or nothing: no target (the shortcut and the menu then fill nothing).
    expect(target(byId('search'), 'cml-song-clip')).toBeUndefined();
    expect(target(null, 'cml-song-clip')).toBeUndefined();
  });

  it('follows the focus into same-origin frames', () => {
    document.body.innerHTML = '<input id="outside" /><iframe></iframe>';
    const frame = document.querySelector('iframe') as HTMLIFrameElement;
    const inner = frame.contentDocument as Document;
    inner.body.innerHTML = '<textarea id="inside"></textarea>';
    byId('outside')?.focus();
    expect(focusedElement(document)).toBe(byId('outside'));
    (inner.getElementById('inside') as HTMLElement).focus();
    expect(focusedElement(document)?.id).toBe('inside');
  });
});

describe('right-clicks', () => {
  // Frames watched with the page are covered end to end (shortcuts-context-menu.spec.ts): jsdom
  // refuses listeners on a frame's document with an abort signal of the page's realm.
  it('are heard in the watched document with the element clicked, until the scope ends', () => {
    document.body.innerHTML = COMPOSERS;
    const rightClicked = vi.fn();
    const scope = testScope();
    watchDocument(document, scope, deps({ rightClicked }));
    byId('b-caption')?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    document.dispatchEvent(new MouseEvent('contextmenu'));
    expect(rightClicked.mock.calls).toEqual([[byId('b-caption')], [null]]);
    scope.dispose();
    byId('b')?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    expect(rightClicked).toHaveBeenCalledTimes(2);
  });
});
