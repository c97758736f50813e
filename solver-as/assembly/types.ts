// Shared scalar aliases, status codes, buffer ids, limits and error strings of
// the solver. Every other module imports its constants from here.

/** Objective value in cost units (fixed + per-metre + per-second + penalties). */
export type Cost = f64;
/** Time in seconds since midnight of the planning day (i64 so sentinels never overflow). */
export type Seconds = i64;
/** Distance in metres (or benchmark units). */
export type Meters = i64;

/** What `improve` returns; mirrors `Status` in workers/protocol.ts. */
export const STATUS_RUNNING: i32 = 0;
export const STATUS_DONE: i32 = 1;

/** Ids of the input buffers JS writes through `inputPtr(bufferId)`. Keep in sync with workers/wasm.ts. */
export const BUF_LON_LAT: i32 = 0;
export const BUF_DISTANCE: i32 = 1;
export const BUF_DURATION: i32 = 2;
export const BUF_DEMAND: i32 = 3;
export const BUF_SERVICE: i32 = 4;
export const BUF_TW_OPEN: i32 = 5;
export const BUF_TW_CLOSE: i32 = 6;
export const BUF_PENALTY: i32 = 7;
export const BUF_VEHICLE_START: i32 = 8;
export const BUF_VEHICLE_END: i32 = 9;
export const BUF_CAPACITY: i32 = 10;
export const BUF_SHIFT_START: i32 = 11;
export const BUF_SHIFT_END: i32 = 12;
export const BUF_VEHICLE_PROFILE: i32 = 13;
export const BUF_FIXED_COST: i32 = 14;
export const BUF_COST_PER_M: i32 = 15;
export const BUF_COST_PER_S: i32 = 16;
export const BUF_SPEED: i32 = 17;
export const BUF_PARAMS: i32 = 18;
/** [N·K] amount collected at each node and carried to the route's end (haul-away, returns). */
export const BUF_PICKUP: i32 = 19;
/** [N·V] u8: 1 when vehicle v may not serve node n (skills, crew, pins). */
export const BUF_FORBIDDEN: i32 = 20;
/** [N] lock sequence: ≥ 0 keeps the node in this order among the locked nodes of its route; −1 free. */
export const BUF_LOCK_SEQ: i32 = 21;
/** [V] route limits, < 0 when absent: stops, distance (m), duration (s), driving time (s). */
export const BUF_MAX_STOPS: i32 = 22;
export const BUF_MAX_DISTANCE: i32 = 23;
export const BUF_MAX_DURATION: i32 = 24;
export const BUF_MAX_DRIVING: i32 = 25;
/** [N] node flags (NODE_*). */
export const BUF_NODE_FLAGS: i32 = 26;
/**
 * [N] partner of a paired stop (a shipment: pickup then delivery, same route), −1 otherwise.
 * The pickup side carries NODE_PICKUP; the amount moved is the delivery node's demand.
 */
export const BUF_PAIR: i32 = 27;
/** [V] overtime: how long (s) a route may end after the shift, and the cost per second of it. */
export const BUF_OVERTIME_MAX: i32 = 28;
export const BUF_OVERTIME_COST: i32 = 29;
/** [N] the only vehicle that may serve the node (a driver break belongs to its vehicle), −1: any. */
export const BUF_NODE_VEHICLE: i32 = 30;
/** [N·W] f64 cost of serving the node in each window slot (slots past a soft window's end price its lateness). */
export const BUF_WINDOW_COST: i32 = 31;
/** [N] home vehicle of the node (plan stability: serving it on another vehicle costs PARAM_STABILITY_COST), −1: none. */
export const BUF_HOME_VEHICLE: i32 = 32;
/**
 * [V] f64 part of BUF_COST_PER_M that only orders the search: a vehicle whose driving costs nothing is still
 * planned short. The plan's cost (output summary) leaves it out.
 */
export const BUF_NOMINAL_PER_M: i32 = 33;
export const BUF_COUNT: i32 = 34;

/** Node flag: a place with no location (open route end or start): zero travel to and from it. */
export const NODE_ANYWHERE: i32 = 1;
/** Node flag: the pickup side of a pair. */
export const NODE_PICKUP: i32 = 2;
/**
 * Node flag: a driver break, taken where the vehicle is (no travel to it; travel after it starts from the
 * last real stop). Set together with NODE_ANYWHERE and a BUF_NODE_VEHICLE owner.
 */
export const NODE_BREAK: i32 = 4;

/** `params` slots; mirror PARAM_* in workers/protocol.ts (append-only). */
export const PARAM_SEED: i32 = 0;
export const PARAM_NEIGHBOURS: i32 = 1;
export const PARAM_CIRCUITY: i32 = 2;
/** Cost of one stop served by a vehicle other than its home vehicle (BUF_HOME_VEHICLE); 0: stability off. */
export const PARAM_STABILITY_COST: i32 = 3;
export const PARAM_COUNT: i32 = 4;

/** `summary` slots; mirror SUMMARY_* in workers/protocol.ts. */
export const SUMMARY_COST: i32 = 0;
export const SUMMARY_DISTANCE: i32 = 1;
export const SUMMARY_DURATION: i32 = 2;
export const SUMMARY_ROUTES: i32 = 3;
export const SUMMARY_UNASSIGNED: i32 = 4;
export const SUMMARY_ITERATIONS: i32 = 5;
/** Stops served by a vehicle other than their home vehicle, and the stability cost they add to the objective (not to SUMMARY_COST). */
export const SUMMARY_MOVED: i32 = 6;
export const SUMMARY_STABILITY: i32 = 7;
export const SUMMARY_COUNT: i32 = 8;

/** Time sentinel: far beyond any real horizon, small enough that sums of a few never overflow i64. */
export const TIME_INF: i64 = 1 << 50;
/** Returned by evaluate* for a move that breaks a hard rule. */
export const INFEASIBLE: f64 = Infinity;
/** Default and bounds for the granular neighbourhood size. */
export const DEFAULT_NEIGHBOURS: i32 = 20;
export const MAX_NEIGHBOURS: i32 = 100;

/** Operator ids for the `switch` dispatch in search.ts and the test hooks. */
export const OP_RELOCATE: i32 = 0;
export const OP_SWAP: i32 = 1;
export const OP_TWO_OPT_STAR: i32 = 2;
export const OP_TWO_OPT: i32 = 3;
export const OP_OR_OPT2: i32 = 4;
export const OP_OR_OPT3: i32 = 5;
/** Cross-exchange of chains (2 from u, 1 from v), (1, 2) and (2, 2). */
export const OP_CROSS_2_1: i32 = 6;
export const OP_CROSS_1_2: i32 = 7;
export const OP_CROSS_2_2: i32 = 8;
export const OP_COUNT: i32 = 9;

// Error strings (abort is reserved for bugs; expected outcomes are Status codes).
export const E_NOT_SET_UP = "solver: setup() must be called first";
export const E_BAD_BUFFER = "solver: unknown buffer id";
export const E_BAD_PROFILE = "solver: profile index out of range";
export const E_BROKEN_ROUTE = "solver: route linkage is corrupt";
export const E_INFEASIBLE_ROUTE = "solver: a route became infeasible";
export const E_SCHEDULE_MISMATCH = "solver: output schedule differs from its segment summary";
