/** Export and import of settings as a JSON file a person can keep or move to another browser. */
import { i18n } from '#i18n';

export function exportFileName(now: Date): string {
  return `cleartune-settings-${now.toISOString().slice(0, 10)}.json`;
}

export function exportText(data: Record<string, unknown>): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The object in an imported file, or a sentence saying why there is none. */
export function parseImport(text: string): { data: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: i18n.t('options.transfer.notJson') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: i18n.t('options.transfer.noSettings') };
  }
  return { data: value as Record<string, unknown> };
}
