// @vitest-environment jsdom
import { cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Finder } from '../../../components/popup/Finder';
import { createFinderApp, FinderContext } from '../../../lib/popup/finder-app';
import { answer, cmlTrack, fakeDeps } from './popup-fixtures';

afterEach(cleanup);

function mount() {
  const tracks = [
    cmlTrack({ title: 'Glasshouse Parade', rank: 1 }),
    cmlTrack({ title: 'Paper Moons', rank: 2 }),
  ];
  const fake = fakeDeps({ getCatalog: () => answer(tracks) });
  const { container } = render(
    <FinderContext value={createFinderApp(fake.deps)}>
      <Finder className="panel" />
    </FinderContext>,
  );
  return within(container);
}

describe('the finder mounted twice (popup and side panel)', () => {
  it('keeps each mount’s search and list to itself', async () => {
    const popup = mount();
    const panel = mount();
    await popup.findByRole('listitem', { name: /Glasshouse Parade/ });
    await panel.findByRole('listitem', { name: /Paper Moons/ });
    fireEvent.change(popup.getByRole('searchbox', { name: 'Search tracks' }), { target: { value: 'paper' } });
    await popup.findByText('1 track');
    expect(popup.queryByRole('listitem', { name: /Glasshouse Parade/ })).toBeNull();
    expect(panel.getByRole('listitem', { name: /Glasshouse Parade/ })).toBeTruthy();
    expect((panel.getByRole('searchbox', { name: 'Search tracks' }) as HTMLInputElement).value).toBe('');
  });

  it('says how to mount it when a page renders it without its context', () => {
    expect(() => render(<Finder className="panel" />)).toThrow(/mountFinder/);
  });
});
