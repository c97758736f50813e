// JSON text already at hand for immutable data (issue #15). A plan read from a solver worker's text is frozen
// as it is parsed (plan-text.ts); writing its JSON again, to save it or to send it to another worker, would
// make ~2 MB of text at 10,000 stops that exists already. A writer of JSON (io/json-slices.ts) asks here first.

/** Frozen values whose JSON text is known, as pieces, by value (held weakly). */
const known = new WeakMap<object, readonly string[]>();

/**
 * Records that `JSON.stringify(value)` is the concatenation of `pieces`, for a value parsed from that text and
 * frozen all the way down since. Used only while `value` itself is frozen (see `knownPieces`).
 */
export function knownText(value: object, pieces: readonly string[]): void {
  known.set(value, pieces);
}

/** The pieces `knownText` recorded for `value`, while it is frozen; else null. */
export function knownPieces(value: unknown): readonly string[] | null {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return null;
  return known.get(value) ?? null;
}
