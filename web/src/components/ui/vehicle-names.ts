// Vehicle names by id for lists with a row per route: one map per fleet change,
// instead of a search of the fleet per row (quadratic at 1,000 routes, issue #15).
import { createMemo } from 'solid-js';
import type { Scenario } from '../../domain/scenario';
import { rawOf } from '../../store/raw';

/**
 * A lookup of a vehicle's name by id (the id itself for an unknown vehicle); needs a reactive owner. The fleet is
 * read raw, not through the store (at 1,000 vehicles a tracked read per name was ~6 ms of the task that showed a
 * plan's panels): `version` is what re-runs it, the scenario's data edit count (`dataChanges`), which every edit
 * of the fleet bumps.
 */
export function createVehicleNames(scenario: () => Pick<Scenario, 'vehicles'> | null | undefined, version: () => unknown): (id: string) => string {
  const names = createMemo(() => {
    version();
    return new Map((rawOf(scenario())?.vehicles ?? []).map((v) => [v.id, v.name]));
  });
  return (id) => names().get(id) ?? id;
}

/** The longest last word kept whole at the end of a cut name. */
const TAIL_WORD = 8;
/** Characters kept at the end of a long name without a short last word. */
const TAIL_CHARS = 4;
/** Names up to this long are not split. */
const SPLIT_ABOVE = 12;

/**
 * A name as the part a narrow cell may cut (with an ellipsis) and the end it always shows: "Chauffeur 12" →
 * ["Chauffeur", " 12"]. A fleet named "Chauffeur 1" … "Chauffeur 300" otherwise read "Chauffe…" on every row of a
 * narrow route table. The last word when it is short, else the last few characters; a short name is not split.
 */
export function nameParts(name: string): [head: string, tail: string] {
  const word = /^(.*\S)(\s+\S+)$/.exec(name);
  if (word && word[2].trim().length <= TAIL_WORD) return [word[1], word[2]];
  if (name.length <= SPLIT_ABOVE) return [name, ''];
  return [name.slice(0, -TAIL_CHARS), name.slice(-TAIL_CHARS)];
}
