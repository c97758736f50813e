// A road matrix (from a routing service or a matrix CSV, issue #14) applied to a
// scenario: every place gets its row in the matrix (`matrixIndex`) and each
// vehicle type its matrix in `travelMatrices`, so the solver's encoding and the
// independent checker read the same legs through travel.ts. Pure functions.
import type { Scenario, TravelMatrix } from './scenario';

/** One place of the matrix, in matrix order: depots, then orders, then shipment pickups. */
export interface MatrixPlace {
  lat: number;
  lng: number;
  /** The depot's or order's id (a pickup carries its order's id). */
  id: string;
  kind: 'depot' | 'order' | 'pickup';
}

/** The places of a scenario in matrix order (see MatrixPlace). */
export function matrixPlaces(scenario: Pick<Scenario, 'depots' | 'orders'>): MatrixPlace[] {
  const places: MatrixPlace[] = scenario.depots.map((d) => ({ lat: d.lat, lng: d.lng, id: d.id, kind: 'depot' }));
  for (const o of scenario.orders) places.push({ lat: o.lat, lng: o.lng, id: o.id, kind: 'order' });
  for (const o of scenario.orders) if (o.pickup) places.push({ lat: o.pickup.lat, lng: o.pickup.lng, id: o.id, kind: 'pickup' });
  return places;
}

/** A place as a message names it: "depot 'D1'", "order 'O-3'", "the pickup of order 'O-3'". */
export function placeLabel(place: MatrixPlace): string {
  return place.kind === 'pickup' ? `the pickup of order '${place.id}'` : `${place.kind} '${place.id}'`;
}

/**
 * The scenario with `matrices` (by vehicle type, indexed as matrixPlaces lists them) as its travel
 * matrices and every place's matrixIndex set to its row. Does not change `scenario`.
 */
export function withTravelMatrices(scenario: Scenario, matrices: Record<string, TravelMatrix>): Scenario {
  const D = scenario.depots.length;
  const O = scenario.orders.length;
  let pickups = 0;
  const orders = scenario.orders.map((o, j) => ({
    ...o, matrixIndex: D + j,
    ...(o.pickup ? { pickup: { ...o.pickup, matrixIndex: D + O + pickups++ } } : {}),
  }));
  return { ...scenario, depots: scenario.depots.map((d, i) => ({ ...d, matrixIndex: i })), orders, travelMatrices: matrices };
}

/** The scenario on the embedded model: no travel matrices, no matrix indices. Does not change `scenario`. */
export function withoutTravelMatrices(scenario: Scenario): Scenario {
  const { travelMatrices: _m, ...rest } = scenario;
  const orders = scenario.orders.map(({ matrixIndex: _i, ...o }) => {
    if (!o.pickup) return o;
    const { matrixIndex: _p, ...pickup } = o.pickup;
    return { ...o, pickup };
  });
  return { ...rest, depots: scenario.depots.map(({ matrixIndex: _i, ...d }) => d), orders };
}
