import { describe, expect, it } from 'vitest';
import { studioLine, tabLine } from '@/lib/popup/tab-status';
import type { StudioReport, TabStatus } from '@/lib/shared/protocol';

const base: StudioReport = {
  form: 'video',
  editorOpen: false,
  picker: null,
  tab: null,
  attached: null,
  verdict: null,
  pendingSave: false,
  copyright: null,
  problem: null,
};

describe("the popup's line about a TikTok Studio tab", () => {
  it.each([
    [base, 'TikTok Studio — video'],
    [
      { ...base, editorOpen: true, picker: 'sounds', tab: 'unlimited' },
      'TikTok Studio — video — Sounds panel open (Unlimited)',
    ],
    [
      {
        ...base,
        editorOpen: true,
        picker: 'sounds',
        tab: 'other',
        attached: 'Glasshouse Parade',
        verdict: 'chosen',
      },
      'TikTok Studio — video — Sounds panel open — Glasshouse Parade attached ✓',
    ],
    [{ ...base, form: 'photo', picker: 'photo' }, 'TikTok Studio — photo — sound picker open'],
    [
      { ...base, attached: 'Night Drive', verdict: 'other', copyright: 'issues' },
      'TikTok Studio — video — Night Drive attached, not your chosen track — copyright issues reported',
    ],
    [
      { ...base, editorOpen: true, pendingSave: true },
      'TikTok Studio — video — editor open — press Save in the editor to keep the sound',
    ],
    [
      { ...base, problem: "Cleartune can't see Studio's sound picker on this page." },
      "TikTok Studio — Cleartune can't see Studio's sound picker on this page.",
    ],
  ] as [StudioReport, string][])('%#: %s', (report, line) => {
    expect(studioLine(report)).toBe(line);
  });
});

describe('the line about any tab (popup and side panel)', () => {
  it.each([
    [null, 'No composer on this tab'],
    [{ label: 'composer.example', composers: 1, studio: null }, 'composer.example — 1 composer'],
    [{ label: 'composer.example', composers: 3, studio: null }, 'composer.example — 3 composers'],
    [{ label: 'composer.example', composers: 0, studio: null }, 'No composer on this tab'],
    [{ label: 'TikTok Studio', composers: 1, studio: base }, 'TikTok Studio — video'],
  ] as [TabStatus | null, string][])('%#: %s', (status, line) => {
    expect(tabLine(status)).toBe(line);
  });
});
