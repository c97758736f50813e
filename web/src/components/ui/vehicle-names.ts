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
