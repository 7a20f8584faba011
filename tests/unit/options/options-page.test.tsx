// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../components/options/Options';
import type { OptionsDeps } from '../../../lib/options/deps';
import { exportFileName, parseImport } from '../../../lib/options/settings-file';
import { siteOrigin } from '../../../lib/options/site-address';
import type { MaskedSettings } from '../../../lib/shared/protocol';

afterEach(cleanup);

const EMPTY: MaskedSettings = {
  bundleSocialKey: null,
  layersKey: null,
  teamId: null,
  defaultGenre: 'POP',
  defaultRange: '7DAY',
  composerSites: [],
};

/** A fake background keeping settings the way the real one does (keys masked on the way out). */
function fakeBackground(initial: MaskedSettings = EMPTY, teams = [{ id: 'team-1', name: 'Acme Social' }]) {
  let settings = { ...initial };
  const mask = (key: string | null | undefined) => (key ? `${key.slice(0, 8)}…${key.slice(-4)}` : null);
  const handlers: Record<string, (data: never) => unknown> = {
    getSettings: () => settings,
    getUsage: () => [],
    getFavorites: () => [],
    getToolbarOpens: () => 'popup',
    getLastUses: () => ({ days: 14, uses: [] }),
    setRotationDays: ({ days }: { days: number }) => days,
    getAlerts: () => ({ prefs: { breakoutGenres: [], favoritesTop10: false }, allowed: false }),
    setToolbarOpens: ({ opens }: { opens: string }) => opens,
    listTeams: () => ({ teams, error: null }),
    saveSettings: (patch: Record<string, unknown>) => {
      settings = {
        ...settings,
        ...patch,
        bundleSocialKey:
          'bundleSocialKey' in patch ? mask(patch.bundleSocialKey as string) : settings.bundleSocialKey,
        layersKey: 'layersKey' in patch ? mask(patch.layersKey as string) : settings.layersKey,
      } as MaskedSettings;
      return settings;
    },
    testConnection: ({ provider }: { provider: string }) =>
      provider === 'layers'
        ? { ok: false, message: 'Layers refused the API key (401): check it in Settings.', error: null }
        : { ok: true, message: 'bundle.social answered for team Acme Social.', error: null },
    addComposerSite: ({ origin }: { origin: string }) => {
      settings = { ...settings, composerSites: [...settings.composerSites, origin] };
      return settings;
    },
    removeComposerSite: ({ origin }: { origin: string }) => {
      settings = { ...settings, composerSites: settings.composerSites.filter((o) => o !== origin) };
      return settings;
    },
    exportSettings: ({ includeKeys }: { includeKeys: boolean }) => ({
      format: 'cleartune-settings',
      defaultGenre: settings.defaultGenre,
      ...(includeKeys ? { bundleSocialKey: 'pk_live_secret' } : {}),
    }),
    importSettings: () => {
      settings = { ...settings, defaultGenre: 'ROCK' };
      for (const changed of watchers) changed();
      return { settings, warnings: ['Ignored the unknown field "x".'] };
    },
  };
  const watchers = new Set<() => void>();
  /** What another window, or the background on its own, does: changes the stored settings. */
  const storeElsewhere = (change: Partial<MaskedSettings>) => {
    settings = { ...settings, ...change };
    for (const changed of watchers) changed();
  };
  const send = vi.fn(async (type: string, data?: unknown) => handlers[type]?.(data as never));
  const downloads: { fileName: string; text: string }[] = [];
  const deps: OptionsDeps = {
    send: send as unknown as OptionsDeps['send'],
    requestOrigin: vi.fn(async () => true),
    requestPermission: vi.fn(async () => true),
    removePermission: vi.fn(async () => true),
    download: (fileName, text) => downloads.push({ fileName, text }),
    watchSettings: (changed) => {
      watchers.add(changed);
      return () => watchers.delete(changed);
    },
  };
  return { deps, send, downloads, handlers, storeElsewhere };
}

describe('site addresses', () => {
  it.each([
    ['app.example.com', 'https://app.example.com'],
    ['https://app.example.com/', 'https://app.example.com'],
    ['http://localhost', 'http://localhost'],
  ])('%s → %s', (input, origin) => {
    expect(siteOrigin(input)).toEqual({ origin, pattern: `${origin}/*` });
  });

  it('refuses a port, saying which address serves it', () => {
    expect(siteOrigin('http://localhost:3000')).toEqual({
      error:
        'Enter the site without its port: http://localhost lets Cleartune work on localhost:3000 and every other port of localhost.',
    });
    expect(siteOrigin('app.example.com:8443')).toHaveProperty(
      'error',
      expect.stringMatching(/^Enter the site without its port: https:\/\/app\.example\.com lets /),
    );
  });

  it('refuses an IPv6 address with a sentence', () => {
    for (const input of ['http://[::1]', 'http://[::1]:3000', '[2001:db8::1]'])
      expect(siteOrigin(input)).toEqual({
        error: expect.stringMatching(/^Cleartune cannot work on an IPv6 address like \[[0-9a-f:]+\]: /),
      });
  });

  it.each(['', 'ftp://example.com', 'https://example.com/compose', 'https://*.example.com'])(
    'refuses %j with a sentence',
    (input) => {
      expect(siteOrigin(input)).toHaveProperty('error', expect.stringMatching(/\.$/));
    },
  );
});

describe('settings files', () => {
  it('names the file by date and reads only JSON objects', () => {
    expect(exportFileName(new Date('2026-02-15T10:00:00Z'))).toBe('cleartune-settings-2026-02-15.json');
    expect(parseImport('{"defaultGenre":"ROCK"}')).toEqual({ data: { defaultGenre: 'ROCK' } });
    expect(parseImport('nope')).toHaveProperty('error');
    expect(parseImport('[1]')).toHaveProperty('error');
  });
});

describe('options page', () => {
  it('connects bundle.social: key, team picked automatically, save confirms, key shown masked', async () => {
    const { deps, send } = fakeBackground();
    render(<Options deps={deps} />);
    const key = await screen.findByLabelText('bundle.social API key');
    fireEvent.change(key, { target: { value: 'pk_live_0123456789abcdef' } });
    const team = screen.getByRole('combobox', { name: 'Team' }) as HTMLSelectElement;
    await waitFor(() => expect(team.value).toBe('team-1'));
    expect(send).toHaveBeenCalledWith('listTeams', { apiKey: 'pk_live_0123456789abcdef' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Default genre' }), {
      target: { value: 'DANCE_POP' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(send).toHaveBeenCalledWith('saveSettings', {
      bundleSocialKey: 'pk_live_0123456789abcdef',
      teamId: 'team-1',
      defaultGenre: 'DANCE_POP',
    });
    expect(screen.getByText('Settings saved.')).toBeTruthy();
    expect(screen.getByText('pk_live_…cdef')).toBeTruthy();
    expect((key as HTMLInputElement).value).toBe('');
  });

  it('shows what another window saved, and Save here writes only what was changed here', async () => {
    const { deps, send, storeElsewhere } = fakeBackground({ ...EMPTY, layersKey: 'lp_live_…cdef' });
    render(<Options deps={deps} />);
    const genre = (await screen.findByRole('combobox', { name: 'Default genre' })) as HTMLSelectElement;
    const range = screen.getByRole('combobox', { name: 'Default date range' }) as HTMLSelectElement;
    expect(screen.getByText('lp_live_…cdef')).toBeTruthy();
    await act(async () => storeElsewhere({ defaultGenre: 'JAZZ', layersKey: null }));
    expect(genre.value).toBe('JAZZ');
    expect(screen.queryByText('lp_live_…cdef')).toBeNull();
    fireEvent.change(range, { target: { value: '30DAY' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(send).toHaveBeenLastCalledWith('saveSettings', { defaultRange: '30DAY' });
    expect(genre.value).toBe('JAZZ');
    expect(range.value).toBe('30DAY');
  });

  it('after an import, the form shows the imported values and Save does not write the old ones back', async () => {
    const { deps, send } = fakeBackground();
    render(<Options deps={deps} />);
    const genre = (await screen.findByRole('combobox', { name: 'Default genre' })) as HTMLSelectElement;
    const file = new File(['{"format":"cleartune-settings","defaultGenre":"ROCK"}'], 'settings.json');
    await act(async () =>
      fireEvent.change(screen.getByLabelText('Import settings'), { target: { files: [file] } }),
    );
    await waitFor(() => expect(genre.value).toBe('ROCK'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(send).toHaveBeenLastCalledWith('saveSettings', {});
  });

  it('tests each connection and says why one failed', async () => {
    const { deps } = fakeBackground({ ...EMPTY, bundleSocialKey: 'pk_live_…cdef', teamId: 'team-1' });
    render(<Options deps={deps} />);
    const testBundle = await screen.findByRole('button', { name: 'Test connection to bundle.social' });
    await act(async () => fireEvent.click(testBundle));
    expect(await screen.findByText(/Passed — bundle.social answered for team Acme Social\./)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Layers API key'), { target: { value: 'lp_wrong_key_123' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection to Layers' })));
    expect(await screen.findByText(/Failed — Layers refused the API key/)).toBeTruthy();
  });

  it('a rate-limited test counts its wait down and says when it is over', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 3, 12), toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const { deps, handlers } = fakeBackground({ ...EMPTY, layersKey: 'lp_live_…cdef' });
      const message = 'Layers is limiting requests for now: wait 3 seconds before trying again.';
      const error = { kind: 'rate-limited', provider: 'layers', message, status: 429, requestId: null };
      handlers.testConnection = () => ({
        ok: false,
        message,
        error: { ...error, retryAt: Date.now() + 3000, action: 'wait' },
      });
      render(<Options deps={deps} />);
      const test = await screen.findByRole('button', { name: 'Test connection to Layers' });
      await act(async () => fireEvent.click(test));
      expect(
        await screen.findByText(/Failed — Layers is limiting requests for now: wait 3 seconds/),
      ).toBeTruthy();
      await act(async () => vi.advanceTimersByTime(1000));
      expect(screen.getByText(/Failed — Layers is limiting requests for now: wait 2 seconds/)).toBeTruthy();
      await act(async () => vi.advanceTimersByTime(2000));
      expect(screen.getByText(/Failed — Layers should take requests again: try again now\./)).toBeTruthy();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sets the rotation window, refusing what is not a whole number of days', async () => {
    const { deps, send } = fakeBackground();
    render(<Options deps={deps} />);
    const days = await screen.findByRole('spinbutton', { name: 'Hide tracks used in the last' });
    await waitFor(() => expect((days as HTMLInputElement).value).toBe('14'));
    fireEvent.change(days, { target: { value: '2.5' } });
    // Leaving the field saves it (the browser's own check holds the Save button back).
    fireEvent.blur(days);
    expect(await screen.findByText('Enter a whole number of days from 1 to 365.')).toBeTruthy();
    expect(send).not.toHaveBeenCalledWith('setRotationDays', expect.anything());
    fireEvent.change(days, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rotation' }));
    expect(await screen.findByText('The finder can now hide tracks used in the last 30 days.')).toBeTruthy();
    expect(send).toHaveBeenCalledWith('setRotationDays', { days: 30 });
  });

  it('adds a composer site after the browser allows it, and removes it', async () => {
    const { deps, send } = fakeBackground();
    render(<Options deps={deps} />);
    const address = await screen.findByRole('textbox', { name: 'Site address' });
    fireEvent.change(address, { target: { value: 'https://example.com/compose' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(screen.getByText(/Enter the address of a site as an origin/)).toBeTruthy();
    expect(deps.requestOrigin).not.toHaveBeenCalled();

    fireEvent.change(address, { target: { value: 'app.example.com' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add site' })));
    expect(deps.requestOrigin).toHaveBeenCalledWith('https://app.example.com/*');
    expect(send).toHaveBeenCalledWith('addComposerSite', { origin: 'https://app.example.com' });
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Remove https://app.example.com' })),
    );
    expect(send).toHaveBeenCalledWith('removeComposerSite', { origin: 'https://app.example.com' });
    expect(screen.getByText('No other sites yet.')).toBeTruthy();
  });

  it('does not add a site when the browser refuses access', async () => {
    const { deps, send } = fakeBackground();
    deps.requestOrigin = vi.fn(async () => false);
    render(<Options deps={deps} />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Site address' }), {
      target: { value: 'app.example.com' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add site' })));
    expect(
      screen.getByText('Access to https://app.example.com was not allowed, so it was not added.'),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalledWith('addComposerSite', expect.anything());
  });

  it('exports without keys unless asked, and imports with warnings', async () => {
    const { deps, downloads } = fakeBackground();
    render(<Options deps={deps} />);
    const exportButton = await screen.findByRole('button', { name: 'Export settings' });
    await act(async () => fireEvent.click(exportButton));
    expect(JSON.parse(downloads[0]?.text ?? '')).not.toHaveProperty('bundleSocialKey');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include API keys' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export settings' })));
    expect(JSON.parse(downloads[1]?.text ?? '')).toHaveProperty('bundleSocialKey');
    expect(screen.getByText('Settings exported with your API keys: keep the file private.')).toBeTruthy();

    const file = new File(['{"format":"cleartune-settings","x":1}'], 'settings.json', {
      type: 'application/json',
    });
    await act(async () =>
      fireEvent.change(screen.getByLabelText('Import settings'), { target: { files: [file] } }),
    );
    expect(await screen.findByText('Settings imported.')).toBeTruthy();
    expect(screen.getByText('Ignored the unknown field "x".')).toBeTruthy();
  });
});
