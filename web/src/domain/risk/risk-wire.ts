// A plan's risk as it crosses from the risk worker to the page (issue #15): the stop figures as columns
// (one array of order ids, typed arrays of numbers) instead of an object per stop. Structured-cloning 10,000
// stop objects cost the page ~20 ms in the task that received the estimate, after every edit; columns cross
// in a few milliseconds and the page builds the objects from them in a few more. The figures are the same
// numbers, bit for bit (float64 columns).
import type { PlanRisk, StopRisk } from './risk-types';
import type { RiskReport } from './weakest';

/** The stops of a PlanRisk, a column per field; stop i is index i of each. */
export interface StopColumns {
  orderIds: string[];
  /** 0: a job, 1: a shipment's pickup, 2: its delivery. */
  sides: Uint8Array;
  /** The distinct vehicle ids, and the index of each stop's among them. */
  vehicleIds: string[];
  vehicleOf: Int32Array;
  pOnTime: Float64Array;
  startP10S: Float64Array;
  startP50S: Float64Array;
  startP90S: Float64Array;
}

/** A PlanRisk as it crosses: its stops as columns, the rest as it is. */
export type RiskWire = Omit<PlanRisk, 'stops'> & { stops: StopColumns };

/** A RiskReport as it crosses. */
export type RiskReportWire = Omit<RiskReport, 'risk'> & { risk: RiskWire };

const SIDES = [undefined, 'pickup', 'delivery'] as const;

/** The columns of `risk`'s stops (in the worker). */
export function riskToWire(risk: PlanRisk): RiskWire {
  const n = risk.stops.length;
  const stops: StopColumns = {
    orderIds: new Array<string>(n),
    sides: new Uint8Array(n),
    vehicleIds: [],
    vehicleOf: new Int32Array(n),
    pOnTime: new Float64Array(n),
    startP10S: new Float64Array(n),
    startP50S: new Float64Array(n),
    startP90S: new Float64Array(n),
  };
  const vehicleIndex = new Map<string, number>();
  risk.stops.forEach((s, i) => {
    stops.orderIds[i] = s.orderId;
    stops.sides[i] = s.side === 'pickup' ? 1 : s.side === 'delivery' ? 2 : 0;
    let v = vehicleIndex.get(s.vehicleId);
    if (v === undefined) {
      v = stops.vehicleIds.length;
      vehicleIndex.set(s.vehicleId, v);
      stops.vehicleIds.push(s.vehicleId);
    }
    stops.vehicleOf[i] = v;
    stops.pOnTime[i] = s.pOnTime;
    stops.startP10S[i] = s.startP10S;
    stops.startP50S[i] = s.startP50S;
    stops.startP90S[i] = s.startP90S;
  });
  return { ...risk, stops };
}

/** The PlanRisk of `wire` (on the page): an object per stop again, its fields in the order the estimate wrote them. */
export function riskFromWire(wire: RiskWire): PlanRisk {
  const c = wire.stops;
  const n = c.orderIds.length;
  const stops = new Array<StopRisk>(n);
  for (let i = 0; i < n; i++) {
    const side = SIDES[c.sides[i]];
    const stop: StopRisk = side
      ? { orderId: c.orderIds[i], side, vehicleId: c.vehicleIds[c.vehicleOf[i]], pOnTime: c.pOnTime[i], startP10S: c.startP10S[i], startP50S: c.startP50S[i], startP90S: c.startP90S[i] }
      : { orderId: c.orderIds[i], vehicleId: c.vehicleIds[c.vehicleOf[i]], pOnTime: c.pOnTime[i], startP10S: c.startP10S[i], startP50S: c.startP50S[i], startP90S: c.startP90S[i] };
    stops[i] = stop;
  }
  return { ...wire, stops };
}

/** A report's risk as columns (in the worker). */
export function reportToWire(report: RiskReport): RiskReportWire {
  return { ...report, risk: riskToWire(report.risk) };
}

/** The report of `wire` (on the page). */
export function reportFromWire(wire: RiskReportWire): RiskReport {
  return { ...wire, risk: riskFromWire(wire.risk) };
}
