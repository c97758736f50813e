// Reading one stored scenario record as the app opens it: the record upgraded, validated
// and its plan re-checked by the independent checker (restore.ts readScenarioRecord), with
// its save stamp. Shared by the page and the save worker (save-offload.ts), which does it
// off the main thread: at 10,000 orders with a plan, validating and re-checking took
// ~100 ms of the one task that opened the scenario (issue #15).
import { get, type UseStore } from 'idb-keyval';
import { stampOf, withoutStamp } from './db-write';
import { readScenarioRecord, type RecordRead } from './restore';

/** A stored record as read: what it holds (or why it cannot be opened) and the stamp of that version. */
export interface StoredRead {
  read: RecordRead;
  stamp: number | undefined;
}

/** Reads and checks the record `id` of `store`; undefined when nothing is stored under it. */
export async function readStoredRecord(store: UseStore, id: string): Promise<StoredRead | undefined> {
  const record: unknown = await get(id, store);
  if (record === undefined) return undefined;
  return { read: readScenarioRecord(withoutStamp(record)), stamp: stampOf(record) };
}
