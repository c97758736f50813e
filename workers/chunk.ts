// How many moves the next improve() call may evaluate so that it takes about a
// target time and, near the time limit, ends before it: the rate of the last
// call (moves per millisecond) times the time it may take (shared by the
// worker's search and the Node runner of the repair's solve).

/** Each improve() call aims to take about this long, so cancel stays prompt. */
export const CHUNK_TARGET_MS = 25;
/** Near the limit a call aims at this share of the time left (the rate of a call varies). */
const DEADLINE_SHARE = 0.5;
/** Largest chunk. */
const MAX_CHUNK = 1_000_000;

/**
 * The next chunk: `chunk` moves took `spentMs`; the next call may take
 * `min(CHUNK_TARGET_MS, DEADLINE_SHARE × remainingMs)`. Grows at most ×4 per
 * call; at least one move.
 */
export function nextChunk(chunk: number, spentMs: number, remainingMs: number): number {
  const targetMs = Math.min(CHUNK_TARGET_MS, Math.max(0, remainingMs) * DEADLINE_SHARE);
  const factor = spentMs > 0 ? Math.min(4, targetMs / spentMs) : 4;
  return Math.max(1, Math.min(MAX_CHUNK, Math.round(chunk * factor)));
}
