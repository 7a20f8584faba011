/**
 * The finder's late parts (row buttons, preview controller) load once; a load that failed, such as
 * a chunk the browser could not fetch, runs again on the next press instead of failing for good.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../../lib/popup/load-once';

describe('loadOnce', () => {
  it('loads once for every caller, and again after a failure', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue('row actions');
    const rows = loadOnce(load);
    await expect(rows()).rejects.toThrow('Failed to fetch');
    expect(await Promise.all([rows(), rows()])).toEqual(['row actions', 'row actions']);
    expect(await rows()).toBe('row actions');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
