// The phone's outbox: every report the member sends goes here first, with the Idempotency-Key made when they pressed
// send, and leaves only once the API has answered. A report typed in a valley without signal thus survives a closed
// tab, and its retry carries the same key, so a lost answer never makes a second report (the API repeats the first).
// Photos wait with it as Blobs (IndexedDB stores them as they are).

const DB_NAME = 'tanchang-phone';
const STORE = 'outbox';

let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opening;
}

async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * Keeps a report: {key, username, body, photos: [{name, type, blob}], createdAt, reportId?, problem?}.
 * Put again with the same key to record progress (the report's id once created, the photos still to upload).
 */
export function put(entry) {
  return run('readwrite', (store) => store.put(entry));
}

export function remove(key) {
  return run('readwrite', (store) => store.delete(key));
}

/** The waiting reports of this person, oldest first (the order they were written in). */
export async function list(username) {
  const all = (await run('readonly', (store) => store.getAll())) || [];
  return all.filter((e) => e.username === username).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
