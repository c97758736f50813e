// The key figures of a scenario's plan for the side-by-side comparison of
// scenarios: the KPI bar's own figures (plan/kpis.ts, so both always agree)
// plus whether the plan is current and checked.
import { fleetDrivesFree } from '../domain/pricing';
import type { Scenario } from '../domain/scenario';
import { isOrderStep } from '../domain/solution';
import { computeKpis } from '../plan/kpis';

/** A plan's figures as compared between scenarios. */
export interface PlanKpis {
  cost: number;
  distanceKm: number;
  /** Sum of route durations, hours. */
  hours: number;
  vehiclesUsed: number;
  vehicleCount: number;
  /** Routed stops: a job counts one, a shipment two (pickup and delivery). */
  stops: number;
  /** Orders on a route (a shipment counts one). */
  ordersServed: number;
  /** Share of routed stops served inside a window (0..1); null with no routed stop. */
  onTimeShare: number | null;
  unassigned: number;
  /** The plan was solved for an older revision of the scenario. */
  stale: boolean;
  /** The plan passed the independent check. */
  checked: boolean;
  /** The fleet costs nothing to drive and the plan nothing at all: its cost reads "—", not "0" (as the KPI bar's). */
  unpriced: boolean;
}

/** Figures of the scenario's plan, or null when it has none. */
export function planKpis(scenario: Scenario): PlanKpis | null {
  const plan = scenario.plan;
  if (!plan) return null;
  const kpis = computeKpis(scenario, plan.solution);
  const steps = plan.solution.routes.flatMap((r) => r.steps.filter(isOrderStep));
  const stops = steps.length;
  const ordersServed = new Set(steps.map((s) => s.id)).size;
  return {
    cost: kpis.cost, distanceKm: kpis.distanceM / 1000, hours: kpis.durationS / 3600,
    vehiclesUsed: kpis.vehiclesUsed, vehicleCount: kpis.fleetSize, stops, ordersServed,
    onTimeShare: kpis.onTimeShare, unassigned: kpis.unassigned,
    stale: plan.solvedRevision !== scenario.revision, checked: plan.solution.check.ok,
    unpriced: kpis.cost === 0 && fleetDrivesFree(scenario.vehicles),
  };
}
