// The text of a record to save when the page already has its scenario's text (issue #15): after a solve the
// scenario's data has not changed since the Optimize click wrote it (store/scenario.ts `textWithoutPlan`), yet
// each save wrote all 10,000 orders again as JSON (a ~40 ms task when the plan landed). A record marked here
// (a fresh object: the scenario's own fields and its `pins`) is written from that text instead.
const known = new WeakMap<object, () => string | null>();

/**
 * Marks `record` (a new object holding a scenario's fields and, optionally, `pins`) with `scenarioText`, which
 * gives that scenario's JSON text without its plan, or null once the scenario has changed since the record was
 * made; returns the record. Asked only by a writer that sends text (a put on the page clones the record instead),
 * so the text is not written for nothing. Never mark the store's own scenario object: it changes later.
 */
export function withScenarioText<T extends object>(record: T, scenarioText: () => string | null): T {
  known.set(record, scenarioText);
  return record;
}

/** The record's JSON text without its plan (which is saved apart): from its scenario's text when marked and current, else written now. */
export function recordTextWithoutPlan(record: object): string {
  const text = known.get(record)?.();
  if (!text) return JSON.stringify({ ...record, plan: undefined });
  // The scenario's text holds `"plan":null`; whoever reads the record puts the plan saved apart in its place.
  const { pins } = record as { pins?: unknown };
  return pins === undefined ? text : `${text.slice(0, -1)},"pins":${JSON.stringify(pins)}}`;
}
