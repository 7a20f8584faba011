// The background seals API keys with a key kept in IndexedDB, which Node lacks.
import 'fake-indexeddb/auto';

// The browser's i18n in English, from the source catalog: components render the words a user reads.
import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const english = generateChromeMessages(
  parseMessagesText(readFileSync('lib/shared/locales/en.yml', 'utf8'), 'YAML'),
) as Record<string, { message: string }>;
fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const message = english[name]?.message;
  if (message === undefined) return '';
  const list = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return message.replace(/\$(\d)|\$\$/g, (_, n?: string) => (n ? (list[Number(n) - 1] ?? '') : '$'));
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
