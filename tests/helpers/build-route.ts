// Plain-JS route builder for tests: given a vehicle and an order sequence,
// computes the steps, times and cost exactly as a correct solver would report them.
import type { Scenario } from '../../web/src/domain/scenario';
import type { Route, Step } from '../../web/src/domain/solution';
import { roadDistanceM, travelTimeS, vehicleSpeedMps } from '../../web/src/domain/geo';
import { serviceStartIn } from '../../web/src/domain/check';

/** Builds the route of `vehicleId` serving `orderIds` in order, leaving at `departS`. */
export function buildRoute(s: Scenario, vehicleId: string, orderIds: string[], departS?: number): Route {
  const vehicle = s.vehicles.find((v) => v.id === vehicleId)!;
  const start = s.depots.find((d) => d.id === vehicle.startDepotId)!;
  const end = s.depots.find((d) => d.id === vehicle.endDepotId)!;
  const speed = vehicleSpeedMps(s.settings.speedKmh, vehicle.type, vehicle.speedFactor);
  const orders = orderIds.map((id) => s.orders.find((o) => o.id === id)!);
  const load = s.settings.capacityUnits.map((_, k) => orders.reduce((a, o) => a + o.amounts[k], 0));
  const t0 = departS ?? Math.max(vehicle.shift.start, start.open) * 60;
  const steps: Step[] = [{ type: 'start', id: start.id, arrivalS: t0, waitS: 0, serviceS: 0, departureS: t0, distanceM: 0, load: [...load] }];
  let at: { lat: number; lng: number } = start;
  let time = t0;
  let distanceM = 0;
  let waitingS = 0;
  let serviceS = 0;
  for (const o of orders) {
    const leg = roadDistanceM(at.lng, at.lat, o.lng, o.lat, s.settings.circuityFactor);
    distanceM += leg;
    const arrival = time + travelTimeS(leg, speed);
    const begin = serviceStartIn(o, arrival) ?? arrival;
    o.amounts.forEach((a, k) => { load[k] -= a; });
    steps.push({ type: 'job', id: o.id, arrivalS: arrival, waitS: begin - arrival, serviceS: o.serviceMinutes * 60, departureS: begin + o.serviceMinutes * 60, distanceM, load: [...load] });
    waitingS += begin - arrival;
    serviceS += o.serviceMinutes * 60;
    time = begin + o.serviceMinutes * 60;
    at = o;
  }
  const back = roadDistanceM(at.lng, at.lat, end.lng, end.lat, s.settings.circuityFactor);
  distanceM += back;
  const endS = time + travelTimeS(back, speed);
  steps.push({ type: 'end', id: end.id, arrivalS: endS, waitS: 0, serviceS: 0, departureS: endS, distanceM, load: [...load] });
  const durationS = endS - t0;
  const cost = vehicle.costs.fixed + (vehicle.costs.perKm * distanceM) / 1000 + (vehicle.costs.perHour * durationS) / 3600;
  return { vehicleId, steps, distanceM, durationS, drivingS: durationS - waitingS - serviceS, waitingS, serviceS, cost };
}
