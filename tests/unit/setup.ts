// The background seals API keys with a key kept in IndexedDB, which Node lacks.
import 'fake-indexeddb/auto';
