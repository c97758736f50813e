// What a fleet's prices say about a plan's cost. A fleet imported without cost columns (or made in the app and
// never priced) drives for free: the solver still keeps its routes short (workers/encode.ts prices its km
// nominally, for the search only), but the plan's cost then counts only fixed costs and priced rules, so it
// says nothing about how good the routes are. Views show the plan's km in its place.
import type { Vehicle } from './scenario';

/** A vehicle whose driving costs nothing: no cost per km and none per hour (a fixed cost is not driving). */
export const drivesFree = (v: Pick<Vehicle, 'costs'>): boolean => v.costs.perKm === 0 && v.costs.perHour === 0;

/** True when the fleet has vehicles and none of them pays for driving: its plans are measured in km, not cost. */
export const fleetDrivesFree = (vehicles: readonly Pick<Vehicle, 'costs'>[]): boolean =>
  vehicles.length > 0 && vehicles.every(drivesFree);

/** What the run panel follows of the best plan during a solve: its cost, or its km for a fleet that drives for free. */
export type PlanMeasure = 'cost' | 'km';

/** The measure of a solve of `vehicles`. */
export const planMeasure = (vehicles: readonly Pick<Vehicle, 'costs'>[]): PlanMeasure => (fleetDrivesFree(vehicles) ? 'km' : 'cost');

/** Why a plan's cost reads "—" for a fleet that drives for free (KPI bar, scenario list, comparison). */
export const UNPRICED_HINT = 'No vehicle costs are set: the plan keeps the routes short in km. Set costs per km or per hour in Vehicles to plan with your own.';
