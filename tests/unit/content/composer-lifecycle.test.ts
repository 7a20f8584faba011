// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS } from '@/lib/content/document-observer';
import { createScope } from '@/lib/content/scope';
import { claimDocument, watchDocument } from '@/lib/content/watched-document';

const tick = (ms = BATCH_MS * 3) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('scopes', () => {
  it('stop timers and listeners on disposal, and dispose their children with them', async () => {
    const root = createScope(new AbortController().signal);
    const child = root.child();
    const fired = vi.fn();
    const heard = vi.fn();
    child.timeout(fired, 5);
    child.listen(document, 'custom', heard);
    root.dispose();
    document.dispatchEvent(new Event('custom'));
    await tick(20);
    expect(fired).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
    expect(child.active).toBe(false);
  });

  it('go inactive as soon as the extension context is found invalid', async () => {
    let valid = true;
    const scope = createScope(new AbortController().signal, () => valid);
    const fired = vi.fn();
    scope.timeout(fired, 5);
    valid = false;
    await tick(20);
    expect(fired).not.toHaveBeenCalled();
  });
});

describe('a watched document', () => {
  const deps = { owner: 'a', chosen: () => null, composersChanged: vi.fn(), focused: vi.fn() };

  it('is handled by one instance only', () => {
    const first = createScope(new AbortController().signal);
    expect(claimDocument(document, 'a', first)).toBe(true);
    expect(claimDocument(document, 'b', createScope(new AbortController().signal))).toBe(false);
    first.dispose();
    expect(claimDocument(document, 'b', createScope(new AbortController().signal))).toBe(true);
  });

  it('finds late composers, and on disposal leaves the page exactly as it found it', async () => {
    document.body.innerHTML = '<p>Loading…</p>';
    const scope = createScope(new AbortController().signal);
    const watched = watchDocument(document, scope, deps);
    expect(watched.hasComposer()).toBe(false);

    document.body.insertAdjacentHTML(
      'beforeend',
      `<form><select name="type"><option value="VIDEO">Video</option><option value="IMAGE" selected>Photo</option></select>
       <input name="musicSoundId"><input name="musicSoundVolume" value="150"></form>`,
    );
    await tick();
    expect(watched.hasComposer()).toBe(true);
    expect(deps.composersChanged).toHaveBeenCalled();
    expect(document.querySelectorAll('[data-cleartune-ui]').length).toBeGreaterThan(0);
    expect(document.querySelector('[data-cleartune-photo-hidden]')).not.toBeNull();

    scope.dispose();
    expect(document.querySelectorAll('[data-cleartune-ui], [data-cleartune-photo-hidden]')).toHaveLength(0);
    expect(document.querySelector<HTMLInputElement>('[name="musicSoundVolume"]')?.disabled).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<form><input name="song_clip_id"></form>');
    await tick();
    expect(document.querySelectorAll('[data-cleartune-ui]')).toHaveLength(0);
  });
});
