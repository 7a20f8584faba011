// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setFieldValue } from '@/lib/content/field-value';
import { scanComposers } from '@/lib/content/scan/composer-scan';
import { createFieldUi, type FillMemory } from '@/lib/content/ui/insert-button';
import { PHOTO_HIDDEN_ATTRIBUTE } from '@/lib/content/ui/page-style';
import { createPhotoMode } from '@/lib/content/ui/photo-mode';
import type { ChosenTrack } from '@/lib/shared/track';
import { cmlChosen } from '../../fixtures/tracks';

const cml = cmlChosen;
const layers: ChosenTrack = {
  ...cml,
  provider: 'layers',
  id: '8f1d6c3e-4b2a-4a18-9e4f-c2d7a1b0e999',
  idKind: 'layers-track',
  clip: null,
};

function setup(chosen: ChosenTrack | null) {
  document.body.innerHTML =
    '<form><label for="s">Music sound ID</label><input id="s" name="musicSoundId"></form>';
  const field = scanComposers(document)[0]?.idFields[0];
  if (!field) throw new Error('no field');
  const deps = { chosen: () => chosen, memory: new Map<string, FillMemory>(), changed: vi.fn() };
  const ui = createFieldUi(field, 'key', deps);
  const chip = () => ui.host.shadowRoot?.querySelector('.chip')?.textContent ?? '';
  const press = (name: string) => {
    const button = Array.from(ui.host.shadowRoot?.querySelectorAll('button') ?? []).find(
      (b) => b.textContent === name,
    );
    if (!button) throw new Error(`no button ${name}`);
    button.click();
  };
  return { input: field.element, ui, chip, press, deps };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('setFieldValue', () => {
  it('focuses the field and fires input then change, bubbling, with the value already set', () => {
    document.body.innerHTML = '<input id="f">';
    const input = document.getElementById('f') as HTMLInputElement;
    const seen: string[] = [];
    document.addEventListener('input', (event) =>
      seen.push(`input:${(event.target as HTMLInputElement).value}`),
    );
    document.addEventListener('change', (event) =>
      seen.push(`change:${(event.target as HTMLInputElement).value}`),
    );
    setFieldValue(input, '42');
    expect(seen).toEqual(['input:42', 'change:42']);
    expect(document.activeElement).toBe(input);
  });

  it('bypasses an own `value` property, as React installs on controlled inputs', () => {
    document.body.innerHTML = '<input id="f">';
    const input = document.getElementById('f') as HTMLInputElement;
    const tracked = vi.fn();
    Object.defineProperty(input, 'value', { configurable: true, get: () => 'stale', set: tracked });
    setFieldValue(input, '42');
    expect(tracked).not.toHaveBeenCalled();
    expect(Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.get?.call(input)).toBe('42');
  });
});

describe('the field button and chip', () => {
  it('fills an empty field, names the track, and Undo restores it exactly', () => {
    const { input, ui, chip, press } = setup(cml);
    expect(ui.fill()).toBe('filled');
    expect(input.value).toBe(cml.id);
    expect(chip()).toBe('♪ Lo-Fi analog beat — GloveityUndo');
    press('Undo');
    expect(input.value).toBe('');
    expect(chip()).toBe('');
  });

  it('asks before replacing a typed value, and Undo after Replace brings the typed value back', () => {
    const { input, ui, chip, press } = setup(cml);
    input.value = ' 6817312022837872642';
    expect(ui.fill()).toBe('occupied');
    expect(input.value).toBe(' 6817312022837872642');
    expect(chip()).toContain('This field already holds “ 6817312022837872642”');
    press('Replace');
    expect(input.value).toBe(cml.id);
    press('Undo');
    expect(input.value).toBe(' 6817312022837872642');
  });

  it('refills over its own fill without asking, and Undo still returns to the original value', () => {
    const { input, ui, press } = setup(cml);
    input.value = 'before';
    ui.fill({ replace: true });
    expect(ui.fill()).toBe('filled');
    press('Undo');
    expect(input.value).toBe('before');
  });

  it('refuses an id of the other kind and explains', () => {
    const { input, ui, chip } = setup(layers);
    expect(ui.fill()).toBe('mismatch');
    expect(input.value).toBe('');
    expect(chip()).toBe(
      'Not filled: this field takes a CML sound id (bundle.social), and “Lo-Fi analog beat” is a Layers track id. Pick a bundle.social track in the Cleartune popup.',
    );
  });

  it('is disabled while nothing is chosen', () => {
    const { ui } = setup(null);
    expect(ui.fill()).toBe('none-chosen');
    expect(ui.host.shadowRoot?.querySelector('button')?.disabled).toBe(true);
  });

  it('drops its Undo once the user edits the field', () => {
    const { input, ui, chip } = setup(cml);
    ui.fill();
    input.value = 'typed';
    ui.render();
    expect(chip()).toBe('');
  });
});

describe('photo mode', () => {
  const form = `
    <form>
      <select name="type"><option value="VIDEO">Video</option><option value="IMAGE" selected>Photo</option></select>
      <input name="musicSoundId">
      <div class="audio">
        <div><label for="v">Music volume</label><input id="v" name="musicSoundVolume" value="70"></div>
        <p><span>Trim end</span><input name="musicSoundEnd" disabled></p>
      </div>
      <span id="ol">Original sound volume</span>
      <input name="videoOriginalSoundVolume" aria-labelledby="ol">
    </form>`;

  it('hides containers and labels, disables the fields, and puts everything back as it was', () => {
    document.body.innerHTML = form;
    const [composer] = scanComposers(document);
    if (!composer) throw new Error('no composer');
    const photo = createPhotoMode();
    photo.apply(composer, true);
    const hidden = Array.from(document.querySelectorAll(`[${PHOTO_HIDDEN_ATTRIBUTE}]`));
    expect(hidden.map((element) => element.className || element.id || element.localName)).toEqual([
      'audio',
      'ol',
      'input',
    ]);
    const named = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`);
    expect(named('musicSoundVolume')?.disabled).toBe(true);
    expect(named('musicSoundId')?.disabled).toBe(false);

    photo.apply(composer, false);
    expect(document.querySelectorAll(`[${PHOTO_HIDDEN_ATTRIBUTE}]`)).toHaveLength(0);
    expect(named('musicSoundVolume')?.disabled).toBe(false);
    expect(named('musicSoundVolume')?.value).toBe('70');
    expect(named('musicSoundEnd')?.disabled).toBe(true);
  });
});
