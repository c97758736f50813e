// The embedded offline travel model: great-circle distance × circuity factor at
// a per-profile speed, rounded to integer metres and seconds. The WASM solver
// builds its matrix with the same formula (solver-as/assembly/matrix.ts).

/** Mean Earth radius, metres (IUGG). */
export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in metres between two lon/lat points. */
export function greatCircleM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi1 = lat1 * RAD;
  const phi2 = lat2 * RAD;
  const sinDPhi = Math.sin((phi2 - phi1) * 0.5);
  const sinDLambda = Math.sin((lon2 - lon1) * RAD * 0.5);
  const a = sinDPhi * sinDPhi + Math.cos(phi1) * Math.cos(phi2) * sinDLambda * sinDLambda;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Road distance estimate in integer metres: round(great-circle × circuity). */
export function roadDistanceM(lon1: number, lat1: number, lon2: number, lat2: number, circuity: number): number {
  return Math.round(greatCircleM(lon1, lat1, lon2, lat2) * circuity);
}

/** Travel seconds for an integer distance at a speed in m/s: round(distance / speed). */
export function travelTimeS(distanceM: number, speedMps: number): number {
  return Math.round(distanceM / speedMps);
}

/** km/h → m/s, the unit the solver takes. */
export function kmhToMps(kmh: number): number {
  return kmh / 3.6;
}

/** Speed of a vehicle in m/s: its type's urban speed, slowed by its speed factor. */
export function vehicleSpeedMps(speedKmhByType: Record<string, number>, type: string, speedFactor: number): number {
  const kmh = speedKmhByType[type] ?? DEFAULT_SPEED_KMH;
  return kmhToMps(kmh) / speedFactor;
}

/** Urban speed used for a vehicle type the settings do not list. */
export const DEFAULT_SPEED_KMH = 30;
