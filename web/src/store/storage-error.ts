// The storage problems the user must see (never swallowed), and the message of a failed save.
import { isQuotaExceeded, isStaleWrite } from '../io/db';

/** A storage failure the user must see; never swallowed. */
export interface StorageError {
  /**
   * `quota`: storage full; `write`: other save failure; `read`: IDB unreadable; `restore`: saved data
   * unusable (or newer); `conflict`: another tab stored a newer copy of the scenario edited here.
   */
  kind: 'quota' | 'write' | 'read' | 'restore' | 'conflict';
  message: string;
}

/** The message of anything thrown (an Error's message, anything else as text). */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const CONFLICT_MESSAGE = 'This scenario was changed in another tab. Your edits in this tab are kept here but NOT saved, so the newer copy is not overwritten. Open the newer version, or save yours as a copy.';

export function writeError(error: unknown): StorageError {
  if (isStaleWrite(error)) return { kind: 'conflict', message: CONFLICT_MESSAGE };
  if (isQuotaExceeded(error)) {
    return { kind: 'quota', message: 'Browser storage is full: your latest changes are not saved yet. They are kept in this tab and saving is retried; free some space (or remove old site data) and keep this tab open.' };
  }
  return { kind: 'write', message: `Your latest changes could not be saved yet (${messageOf(error)}). They are kept in this tab and saving is retried.` };
}

