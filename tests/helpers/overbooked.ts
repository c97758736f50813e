// A day with more orders than the fleet can carry (issue #15), for solver tests: the demo scenario with more copies
// of its orders, each set moved a little, and vans that carry 4 items each, so most orders stay unassigned.
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../web/src/domain/scenario';
import { validateScenario } from '../../web/src/domain/validate';

/** The demo with `copies` more copies of its orders (the 78 outside shipments): 80 orders and 78 more per copy. */
export function overbookedDemo(copies: number): Scenario {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  const demo = result.scenario;
  const extra = Array.from({ length: copies }, (_, k) => k + 1).flatMap((c) => demo.orders.filter((o) => !o.pickup).map((o, i) => ({
    ...structuredClone(o), id: `${o.id}-${c}`, lat: o.lat + 0.002 * c * ((i % 5) - 2), lng: o.lng + 0.002 * c * ((i % 3) - 1),
  })));
  return { ...demo, orders: [...demo.orders, ...extra], vehicles: demo.vehicles.map((v) => ({ ...v, capacity: [v.capacity[0], 4] })) };
}
