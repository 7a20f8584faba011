// The background seals API keys with a key kept in IndexedDB, which Node lacks.
import 'fake-indexeddb/auto';

// The browser's i18n in English, from the source catalog: components render the words a user reads.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogMessages } from '../support/catalog';

const english = catalogMessages('en');
fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const message = english[name]?.message;
  if (message === undefined) return '';
  const list = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return message.replace(/\$(\d)|\$\$/g, (_, n?: string) => (n ? (list[Number(n) - 1] ?? '') : '$'));
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
