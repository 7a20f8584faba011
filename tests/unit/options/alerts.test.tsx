// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alerts } from '../../../components/options/Alerts';
import type { OptionsDeps } from '../../../lib/options/deps';
import { type AlertPrefs, NO_ALERTS } from '../../../lib/shared/protocol';

afterEach(cleanup);

/** A fake background keeping the alert choice, and a browser that grants (or refuses) notifications. */
function fakeAlerts(initial: AlertPrefs = NO_ALERTS, grants = true, stored: unknown = undefined) {
  let prefs = initial;
  const permission = { granted: initial !== NO_ALERTS };
  const send = vi.fn(async (type: string, data?: unknown) => {
    if (type === 'getAlerts') return stored ?? { prefs, allowed: permission.granted };
    if (type === 'setAlerts') {
      prefs = data as AlertPrefs;
      return { prefs, allowed: permission.granted };
    }
    throw new Error(`unexpected ${type}`);
  });
  const requestPermission = vi.fn(async () => {
    permission.granted = grants;
    return grants;
  });
  const removePermission = vi.fn(async () => {
    permission.granted = false;
    return true;
  });
  const deps: OptionsDeps = {
    send: send as unknown as OptionsDeps['send'],
    requestOrigin: vi.fn(async () => true),
    requestPermission,
    removePermission,
    download: vi.fn(),
    watchSettings: () => () => {},
  };
  return { deps, send, requestPermission, removePermission, prefs: () => prefs };
}

const favorites = () => screen.getByRole('checkbox', { name: 'Tell me when a favorite enters the top 10' });

describe('the alerts section', () => {
  it('is off by default, with every genre a labelled checkbox', async () => {
    const { deps } = fakeAlerts();
    render(<Alerts deps={deps} />);
    await waitFor(() => expect((favorites() as HTMLInputElement).disabled).toBe(false));
    expect((favorites() as HTMLInputElement).checked).toBe(false);
    const group = screen.getByRole('group', { name: 'Tell me about breakouts in:' });
    const boxes = group.querySelectorAll('input[type=checkbox]');
    expect(boxes).toHaveLength(42);
    expect(screen.getByRole('checkbox', { name: 'Dance Pop' })).toBeTruthy();
    expect([...boxes].some((box) => (box as HTMLInputElement).checked)).toBe(false);
    expect((screen.getByRole('button', { name: 'Turn all alerts off' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('turning one on asks for the notifications permission in that click, then stores it', async () => {
    const { deps, send, requestPermission } = fakeAlerts();
    render(<Alerts deps={deps} />);
    const dancePop = await screen.findByRole('checkbox', { name: 'Dance Pop' });
    await waitFor(() => expect((dancePop as HTMLInputElement).disabled).toBe(false));
    await act(async () => fireEvent.click(dancePop));
    expect(requestPermission).toHaveBeenCalledWith('notifications');
    expect(send).toHaveBeenCalledWith('setAlerts', { breakoutGenres: ['DANCE_POP'], favoritesTop10: false });
    expect((dancePop as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe(
      'Cleartune will tell you about breakouts in Dance Pop.',
    );

    await act(async () => fireEvent.click(favorites()));
    expect(send).toHaveBeenLastCalledWith('setAlerts', {
      breakoutGenres: ['DANCE_POP'],
      favoritesTop10: true,
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Cleartune will tell you about breakouts in Dance Pop and a favorite entering the top 10.',
    );
  });

  it('refused, the alert stays off and the page says why', async () => {
    const { deps, send, requestPermission } = fakeAlerts(NO_ALERTS, false);
    render(<Alerts deps={deps} />);
    await waitFor(() => expect((favorites() as HTMLInputElement).disabled).toBe(false));
    await act(async () => fireEvent.click(favorites()));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect((favorites() as HTMLInputElement).checked).toBe(false);
    expect(send).not.toHaveBeenCalledWith('setAlerts', expect.anything());
    expect(screen.getByRole('status').textContent).toBe(
      'Notifications were not allowed, so the alert stays off. Turn it on again and allow notifications when your browser asks.',
    );
  });

  it('turning the last one off gives the permission back; turning one of two off does not', async () => {
    const { deps, send, requestPermission, removePermission } = fakeAlerts({
      breakoutGenres: ['POP', 'ROCK'],
      favoritesTop10: false,
    });
    render(<Alerts deps={deps} />);
    const rock = await screen.findByRole('checkbox', { name: 'Rock' });
    await waitFor(() => expect((rock as HTMLInputElement).checked).toBe(true));
    await act(async () => fireEvent.click(rock));
    expect(send).toHaveBeenLastCalledWith('setAlerts', { breakoutGenres: ['POP'], favoritesTop10: false });
    expect(removePermission).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: 'Pop' })));
    expect(send).toHaveBeenLastCalledWith('setAlerts', NO_ALERTS);
    expect(removePermission).toHaveBeenCalledWith('notifications');
    expect(requestPermission).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(
      'Alerts are off, and Cleartune gave back the permission to show notifications.',
    );
  });

  it('"Turn all alerts off" turns everything off and gives the permission back', async () => {
    const { deps, removePermission, prefs } = fakeAlerts({ breakoutGenres: ['POP'], favoritesTop10: true });
    render(<Alerts deps={deps} />);
    const off = await screen.findByRole('button', { name: 'Turn all alerts off' });
    await waitFor(() => expect((off as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(off));
    expect(prefs()).toEqual(NO_ALERTS);
    expect(removePermission).toHaveBeenCalledTimes(1);
    expect((favorites() as HTMLInputElement).checked).toBe(false);
  });

  it('says so when alerts are on but the browser no longer allows notifications', async () => {
    const stored = { prefs: { breakoutGenres: ['POP'], favoritesTop10: false }, allowed: false };
    const { deps } = fakeAlerts(NO_ALERTS, true, stored);
    render(<Alerts deps={deps} />);
    expect(
      await screen.findByText(
        'Notifications are not allowed right now, so these alerts cannot be shown: turn one off and on again to allow them.',
      ),
    ).toBeTruthy();
  });

  it('an answer it cannot read shows every alert off, without crashing', async () => {
    const { deps } = fakeAlerts(NO_ALERTS, true, { prefs: { breakoutGenres: 'POP', favoritesTop10: 'yes' } });
    render(<Alerts deps={deps} />);
    await waitFor(() => expect((favorites() as HTMLInputElement).disabled).toBe(false));
    expect((favorites() as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Pop' }) as HTMLInputElement).checked).toBe(false);
  });
});
