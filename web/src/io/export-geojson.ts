// The plan as GeoJSON (RFC 7946, [lng, lat]): depots and stops as Points with
// their data in `properties`, each route as a LineString from depot to depot.
// A shipment has two stop points (`stopType` pickup, at its pickup place, then delivery).
import type { Scenario } from '../domain/scenario';
import { clockText, layoutPlan, windowsText, type PlanLayout } from './export-rows';

type Position = [lng: number, lat: number];

/** A GeoJSON feature with flat properties. */
export interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position } | { type: 'LineString'; coordinates: Position[] };
  properties: Record<string, string | number | null>;
}

/** The exported collection. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const point = (lng: number, lat: number, properties: Feature['properties']): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties });

function routeFeatures(scenario: Scenario, layout: PlanLayout): Feature[] {
  const units = scenario.settings.capacityUnits;
  return layout.routes.flatMap(({ vehicle, route, startDepot, endDepot, stops }) => {
    const vehicleProps = { vehicleId: vehicle.id, vehicleName: vehicle.name };
    const stopFeatures = stops.map((stop) => point(stop.place.lng, stop.place.lat, {
      kind: 'stop', ...vehicleProps, sequence: stop.sequence, stopType: stop.stepType, orderId: stop.order.id,
      customerName: stop.order.customerName, address: stop.place.address,
      arrival: clockText(stop.arrivalS), serviceStart: clockText(stop.serviceStartS), departure: clockText(stop.departureS),
      waitMinutes: Math.round(stop.waitS / 60), window: windowsText(stop.place.timeWindows), serviceType: stop.order.serviceType,
      ...Object.fromEntries(units.map((u, i) => [`amount_${u}`, stop.order.amounts[i]])),
      notes: stop.order.notes, phone: stop.order.phone, ...stop.order.extra,
    }));
    const line: Position[] = [
      ...(startDepot ? [[startDepot.lng, startDepot.lat] as Position] : []),
      ...stops.map((s) => [s.place.lng, s.place.lat] as Position),
      ...(endDepot ? [[endDepot.lng, endDepot.lat] as Position] : []),
    ];
    const lineFeature: Feature = {
      type: 'Feature', geometry: { type: 'LineString', coordinates: line },
      properties: { kind: 'route', ...vehicleProps, stops: stops.length, distanceKm: route.distanceM / 1000, durationMinutes: Math.round(route.durationS / 60), cost: route.cost },
    };
    return [lineFeature, ...stopFeatures];
  });
}

/** Depots, route lines, stops, and unassigned or unplanned orders (kind `order`). */
export function planGeoJson(scenario: Scenario): FeatureCollection {
  const layout = layoutPlan(scenario);
  const depots = scenario.depots.map((d) => point(d.lng, d.lat, { kind: 'depot', id: d.id, name: d.name, open: clockText(d.open * 60), close: clockText(d.close * 60) }));
  const left = [
    ...layout.unassigned.map((u) => ({ order: u.order, status: 'unassigned', reason: u.reason })),
    ...layout.unplanned.map((order) => ({ order, status: 'not planned', reason: '' })),
  ].map(({ order, status, reason }) => point(order.lng, order.lat, {
    kind: 'order', status, reason, orderId: order.id, customerName: order.customerName, address: order.address,
    window: windowsText(order.timeWindows), serviceType: order.serviceType, ...order.extra,
  }));
  return { type: 'FeatureCollection', features: [...depots, ...routeFeatures(scenario, layout), ...left] };
}
