// Travel between two places for one vehicle: the user's matrix for the
// vehicle's type when the scenario has one (VROOM `matrices`), otherwise the
// embedded offline model of geo.ts. Integer metres and seconds either way.
import type { Scenario, Vehicle } from './scenario';
import { roadDistanceM, travelTimeS, vehicleSpeedMps } from './geo';

/** Anything a vehicle can drive to: a depot, an order, a shipment's pickup. */
export interface Place {
  lat: number;
  lng: number;
  matrixIndex?: number;
}

/** One leg: integer metres and seconds. */
export interface Leg {
  distanceM: number;
  durationS: number;
}

/** Leg function of one vehicle. */
export type LegFn = (from: Place, to: Place) => Leg;

/**
 * Makes the leg function of a vehicle. With a matrix, durations are
 * round(matrix × speedFactor) and distances come from the matrix when it has
 * them; a place without a `matrixIndex` falls back to the embedded model.
 */
export function makeLegFn(scenario: Pick<Scenario, 'settings' | 'travelMatrices'>, vehicle: Vehicle): LegFn {
  const { settings } = scenario;
  const speed = vehicleSpeedMps(settings.speedKmh, vehicle.type, vehicle.speedFactor);
  const matrix = scenario.travelMatrices?.[vehicle.type];
  const model = (from: Place, to: Place): Leg => {
    const distanceM = roadDistanceM(from.lng, from.lat, to.lng, to.lat, settings.circuityFactor);
    return { distanceM, durationS: travelTimeS(distanceM, speed) };
  };
  if (!matrix) return model;
  return (from, to) => {
    const i = from.matrixIndex;
    const j = to.matrixIndex;
    if (i === undefined || j === undefined) return model(from, to);
    const durationS = Math.round((matrix.durationsS[i]?.[j] ?? 0) * vehicle.speedFactor);
    const distanceM = matrix.distancesM ? Math.round(matrix.distancesM[i]?.[j] ?? 0) : model(from, to).distanceM;
    return { distanceM, durationS };
  };
}
