// Vehicle names by id for lists with a row per route: one map per fleet change,
// instead of a search of the fleet per row (quadratic at 1,000 routes, issue #15).
import { createMemo } from 'solid-js';
import type { Scenario } from '../../domain/scenario';

/** A lookup of a vehicle's name by id (the id itself for an unknown vehicle); needs a reactive owner. */
export function createVehicleNames(scenario: () => Pick<Scenario, 'vehicles'> | null | undefined): (id: string) => string {
  const names = createMemo(() => new Map((scenario()?.vehicles ?? []).map((v) => [v.id, v.name])));
  return (id) => names().get(id) ?? id;
}
