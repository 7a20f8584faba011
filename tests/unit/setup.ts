// The background seals API keys with a key kept in IndexedDB, which Node lacks.
import 'fake-indexeddb/auto';

// The browser's i18n in English, from the source catalog: components render the words a user reads.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeGetMessage } from '../support/catalog';

fakeBrowser.i18n.getMessage = fakeGetMessage('en') as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
