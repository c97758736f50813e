// The risk of a plan (issue #14): how likely each promise is to hold under the
// variability model (domain/variability.ts), estimated by Monte Carlo — in WASM
// for the app and the CLI, and by a plain-JS reference for the tests. Both fill
// these types; times are seconds of the scenario day.

/** How a risk estimate is run. */
export interface RiskOptions {
  /** Number of sampled days (≥ 1). */
  samples: number;
  /** Same seed, same figures. */
  seed: number;
}

/** One stop's figures (a shipment has one per side). */
export interface StopRisk {
  orderId: string;
  side?: 'pickup' | 'delivery';
  vehicleId: string;
  /** Share of samples whose service started inside a promised window (a start in the lateness allowance is late). */
  pOnTime: number;
  /** Median and 90th-percentile service start, seconds of the day. */
  startP50S: number;
  startP90S: number;
  /** 10th percentile (the lower end of the timeline's whisker). */
  startP10S: number;
}

/** One route's figures. */
export interface RouteRisk {
  vehicleId: string;
  /** Share of samples in which every stop of the route was on time. */
  pAllOnTime: number;
  /** Share of samples in which the vehicle was back within its shift (its latest end, overtime included). */
  pShiftOk: number;
}

/** The risk of a whole plan. */
export interface PlanRisk {
  stops: StopRisk[];
  routes: RouteRisk[];
  /** Expected number of late stops (sum over stops of 1 − pOnTime). */
  expectedLateStops: number;
  samples: number;
  seed: number;
}
