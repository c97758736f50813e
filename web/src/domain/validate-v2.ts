// Cross-reference checks of the fields schema v2 added: pickup amounts per
// unit, item unit, break ids, travel matrices and the places indexing them.
// Messages name the entity and field, like validate.ts.
import type { Scenario } from './scenario';
import type { ValidationIssue } from './validate';

const orderAt = (i: number, id: string) => `orders[${i}] (order '${id}')`;
const vehicleAt = (i: number, id: string) => `vehicles[${i}] (vehicle '${id}')`;

/** Issues in the v2 fields of a scenario that passed the schema. */
export function newIssues(s: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const units = s.settings.capacityUnits;
  if (s.settings.itemUnit !== undefined && !units.includes(s.settings.itemUnit)) {
    issues.push({ path: 'settings.itemUnit', message: `unknown capacity unit '${s.settings.itemUnit}' (use one of: ${units.join(', ')})` });
  }
  s.orders.forEach((order, i) => {
    if (order.pickupAmounts && order.pickupAmounts.length !== units.length) {
      issues.push({ path: `${orderAt(i, order.id)}.pickupAmounts`, message: `needs ${units.length} values, one per capacity unit (${units.join(', ')})` });
    }
    if (order.pickup && order.pickupAmounts) {
      issues.push({ path: `${orderAt(i, order.id)}.pickupAmounts`, message: 'a shipment carries its amounts from pickup to delivery; pickupAmounts must be absent' });
    }
  });
  s.vehicles.forEach((vehicle, i) => {
    const seen = new Set<string>();
    (vehicle.breaks ?? []).forEach((b, k) => {
      if (seen.has(b.id)) issues.push({ path: `${vehicleAt(i, vehicle.id)}.breaks[${k}].id`, message: `break id '${b.id}' is used twice` });
      seen.add(b.id);
    });
  });
  return [...issues, ...matrixIssues(s)];
}

function matrixIssues(s: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let size = Infinity;
  for (const [type, matrix] of Object.entries(s.travelMatrices ?? {})) {
    const n = matrix.durationsS.length;
    size = Math.min(size, n);
    if (matrix.durationsS.some((row) => row.length !== n)) issues.push({ path: `travelMatrices.${type}.durationsS`, message: `must be square (${n} rows of ${n} values)` });
    if (matrix.distancesM && (matrix.distancesM.length !== n || matrix.distancesM.some((row) => row.length !== n))) {
      issues.push({ path: `travelMatrices.${type}.distancesM`, message: `must have the same size as durationsS (${n} × ${n})` });
    }
  }
  if (size === Infinity) return issues;
  const check = (path: string, index: number | undefined) => {
    if (index !== undefined && index >= size) issues.push({ path: `${path}.matrixIndex`, message: `index ${index} is outside the travel matrix (size ${size})` });
  };
  s.depots.forEach((d, i) => check(`depots[${i}] (depot '${d.id}')`, d.matrixIndex));
  s.orders.forEach((o, i) => {
    check(orderAt(i, o.id), o.matrixIndex);
    if (o.pickup) check(`${orderAt(i, o.id)}.pickup`, o.pickup.matrixIndex);
  });
  return issues;
}
