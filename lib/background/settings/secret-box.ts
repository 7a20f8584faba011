/**
 * The API keys, sealed at rest. Content scripts can read `storage.local` (Firefox always; Chrome
 * unless its access level says otherwise), so the keys are stored there only as AES-GCM ciphertext.
 * The AES key is a non-extractable WebCrypto key kept in the extension origin's IndexedDB, which
 * no page and no content script can open: without it the ciphertext is noise, and even the
 * background cannot export it, only use it.
 *
 * WebCrypto and IndexedDB are the platform's own; a library would add weight and nothing else.
 */

const DB_NAME = 'cleartune-secrets';
const STORE = 'keys';
const KEY_ID = 'storage-key';

/** What `storage.local` holds: the nonce and the ciphertext, base64. */
export interface Sealed {
  v: 1;
  iv: string;
  data: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

let storageKey: Promise<CryptoKey> | null = null;

/** The one AES key, made on first use and kept in IndexedDB; `create: false` only looks. */
async function loadKey(create: boolean): Promise<CryptoKey | null> {
  const db = await openDb();
  try {
    const found = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (found instanceof CryptoKey) return found;
    if (!create) return null;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const tx = db.transaction(STORE, 'readwrite');
    // `add`, not `put`: should two starts race, the second fails here instead of replacing the key.
    await request(tx.objectStore(STORE).add(key, KEY_ID));
    return key;
  } finally {
    db.close();
  }
}

function theKey(): Promise<CryptoKey> {
  storageKey ??= loadKey(true)
    .catch(() => loadKey(false))
    .then((key) => {
      if (!key) throw new Error('no storage key');
      return key;
    })
    .catch((error: unknown) => {
      storageKey = null;
      throw error;
    });
  return storageKey;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function seal(plain: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await theKey(),
    new TextEncoder().encode(plain),
  );
  return { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The plain text, or null when it cannot be opened (tampered with, or the key store was cleared). */
export async function unseal(sealed: Sealed): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      await theKey(),
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** For tests: forget the key held in memory, as a worker restart does. */
export function forgetKeyInMemory(): void {
  storageKey = null;
}
