// The lines of the scenario list (one per stored scenario: name, date, sizes and plan
// KPIs; made where the records are read, io/record-list.ts) and the names new scenarios
// and branches get, unused by any other. Pure.

export type { ScenarioEntry } from '../io/record-list';
export { entryOf } from '../io/record-list';

/** `base`, or `base 2`, `base 3`… whichever no scenario uses yet. */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}
