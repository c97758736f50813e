// The text of a record to save when the page already has its scenario's text (issue #15): after a solve the
// scenario's data has not changed since the Optimize click wrote it (store/scenario.ts `textWithoutPlan`), yet
// each save wrote all 10,000 orders again as JSON (a ~40 ms task when the plan landed). A record marked here
// (a fresh object: the scenario's own fields and its `pins`) is written from that text instead.
import { piecesOf as textPiecesOf, type TextOrPieces } from './text-pieces';
const known = new WeakMap<object, () => ScenarioText | null | Promise<ScenarioText | null>>();

/** A scenario's JSON text without its plan: whole, or the pieces whose concatenation it is (never joined here). */
type ScenarioText = TextOrPieces;

/**
 * Marks `record` (a new object holding a scenario's fields and, optionally, `pins`) with `scenarioText`, which
 * gives that scenario's JSON text without its plan (or a promise of it, written in slices: the scenario as it is
 * when it settles), or null once the scenario has changed since the record was made; returns the record. Asked
 * only by a writer that sends text (a put on the page clones the record instead), so the text is not written for nothing. Never mark the store's own scenario object: it changes later.
 */
export function withScenarioText<T extends object>(record: T, scenarioText: () => ScenarioText | null | Promise<ScenarioText | null>): T {
  known.set(record, scenarioText);
  return record;
}

/**
 * The record's JSON text without its plan (which is saved apart), as pieces to concatenate: from its scenario's text
 * when marked and current, else written now. The scenario's text stays a piece of its own: joined to the pins'
 * text it was copied whole (~4 MB at 10,000 orders) in the task that posted its first piece (issue #15).
 */
export function recordPiecesWithoutPlan(record: object): string[] | Promise<string[]> {
  const text = known.get(record)?.();
  return text instanceof Promise ? text.then((written) => piecesOf(record, written)) : piecesOf(record, text);
}

function piecesOf(record: object, text: ScenarioText | null | undefined): string[] {
  const pieces = text ? [...textPiecesOf(text)] : [];
  // `plan` null, not left out: a record without a plan reads as written whole (a plan saved apart replaces it).
  if (pieces.every((piece) => piece.length === 0)) return [JSON.stringify({ ...record, plan: null })];
  // The scenario's text holds `"plan":null`; whoever reads the record puts the plan saved apart in its place.
  const { pins } = record as { pins?: unknown };
  if (pins === undefined) return pieces;
  // The closing brace comes off the last piece that has one.
  let last = pieces.length - 1;
  while (pieces[last].length === 0) last--;
  pieces[last] = pieces[last].slice(0, -1);
  return [...pieces.slice(0, last + 1), `,"pins":${JSON.stringify(pins)}}`];
}
