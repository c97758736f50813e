// Benchmark instances (Solomon / Gehring–Homberger text, VRPLIB .vrp) as one
// plain model, and their arc rounding conventions (../shared/benchmarks/README.md).

/** A VRPTW or CVRP benchmark instance; node 0 is the depot. */
export interface Instance {
  name: string;
  kind: 'vrptw' | 'cvrp' | 'pdptw';
  /** Node coordinates (x, y), node 0 = depot. */
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
  service: number[];
  capacity: number;
  /** Fleet bound (VRPTW: from the file; CVRP: unlimited → one per customer). */
  vehicles: number;
  /** Number printed for node i in `.sol` files (Solomon customer number / VRPLIB id − 1 / Li & Lim task id). */
  label: number[];
  /** PDPTW only: for a delivery node its pickup node, else −1 (same route, pickup first). */
  pickupOf?: number[];
}

export type Rounding = 'exact' | 'trunc1' | 'nint';

/** Integer units per benchmark unit, per rounding convention. */
export const SCALE: Record<Rounding, number> = { trunc1: 10, nint: 1, exact: 10_000 };

/** Thrown for malformed instance files; names the line. */
export class InstanceError extends Error {
  override name = 'InputError';
}

function fail(file: string, line: number, message: string): never {
  throw new InstanceError(`${file}:${line}: ${message}`);
}

function toInt(file: string, line: number, token: string | undefined, field: string): number {
  const n = Number(token);
  if (token === undefined || !Number.isFinite(n)) fail(file, line, `${field}: expected a number, found '${token ?? ''}'`);
  return n;
}

/** Parses Solomon / Gehring–Homberger text. */
export function parseSolomon(text: string, file: string): Instance {
  const lines = text.split(/\r?\n/);
  const name = lines[0]?.trim() || file;
  let vehicles = 0;
  let capacity = 0;
  const inst: Instance = { name, kind: 'vrptw', x: [], y: [], demand: [], ready: [], due: [], service: [], capacity: 0, vehicles: 0, label: [] };
  let section = '';
  for (let i = 1; i < lines.length; i++) {
    const tokens = lines[i].trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const head = tokens[0].toUpperCase();
    if (head === 'VEHICLE' || head === 'CUSTOMER') { section = head; continue; }
    if (!/^-?\d/.test(tokens[0])) continue; // column titles
    if (section === 'VEHICLE') {
      vehicles = toInt(file, i + 1, tokens[0], 'NUMBER');
      capacity = toInt(file, i + 1, tokens[1], 'CAPACITY');
    } else if (section === 'CUSTOMER') {
      if (tokens.length < 7) fail(file, i + 1, `customer row needs 7 fields (id x y demand ready due service), found ${tokens.length}`);
      const [id, x, y, q, r, d, s] = tokens.map((t, k) => toInt(file, i + 1, t, ['id', 'x', 'y', 'demand', 'ready', 'due', 'service'][k] ?? 'extra'));
      inst.label.push(id); inst.x.push(x); inst.y.push(y); inst.demand.push(q); inst.ready.push(r); inst.due.push(d); inst.service.push(s);
    } else {
      fail(file, i + 1, 'data before a VEHICLE or CUSTOMER heading');
    }
  }
  if (inst.x.length < 2) fail(file, lines.length, 'no customers found');
  if (capacity <= 0) fail(file, lines.length, 'missing VEHICLE block (NUMBER CAPACITY)');
  return { ...inst, capacity, vehicles };
}

/** Parses a VRPLIB .vrp (CVRP or CVRPTW, EUC_2D, depot = node 1; service times from SERVICE_TIME or a SERVICE_TIME_SECTION). */
export function parseVrplib(text: string, file: string): Instance {
  const lines = text.split(/\r?\n/);
  const header: Record<string, string> = {};
  let section = '';
  const coords = new Map<number, [number, number]>();
  const demand = new Map<number, number>();
  const tw = new Map<number, [number, number]>();
  const serviceOf = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw || raw === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(raw);
    if (kv) { header[kv[1]] = kv[2].trim(); section = ''; continue; }
    if (/^[A-Z_]+$/.test(raw)) { section = raw; continue; }
    const t = raw.split(/\s+/).map((tok, k) => toInt(file, i + 1, tok, `${section} field ${k + 1}`));
    if (section === 'NODE_COORD_SECTION') coords.set(t[0], [t[1], t[2]]);
    else if (section === 'DEMAND_SECTION') demand.set(t[0], t[1]);
    else if (section === 'TIME_WINDOW_SECTION') tw.set(t[0], [t[1], t[2]]);
    else if (section === 'DEPOT_SECTION') { if (t[0] !== -1 && t[0] !== 1) fail(file, i + 1, 'only depot 1 is supported'); }
    else if (section === 'SERVICE_TIME_SECTION') serviceOf.set(t[0], t[1]);
    else fail(file, i + 1, `unexpected data in section '${section || '(none)'}'`);
  }
  const n = Number(header.DIMENSION);
  if (!Number.isInteger(n) || n < 2) fail(file, 1, 'DIMENSION missing or invalid');
  if (header.EDGE_WEIGHT_TYPE && header.EDGE_WEIGHT_TYPE !== 'EUC_2D') fail(file, 1, `EDGE_WEIGHT_TYPE ${header.EDGE_WEIGHT_TYPE} is not supported (EUC_2D only)`);
  // A route length limit the benchmark path does not model is refused, not dropped.
  if (header.DISTANCE !== undefined) fail(file, 1, `DISTANCE ${header.DISTANCE} (a route length limit) is not supported`);
  const kind = tw.size > 0 ? 'vrptw' : 'cvrp';
  const service = Number(header.SERVICE_TIME ?? 0);
  const inst: Instance = { name: header.NAME ?? file, kind, x: [], y: [], demand: [], ready: [], due: [], service: [], capacity: Number(header.CAPACITY), vehicles: Number(header.VEHICLES ?? n - 1), label: [] };
  for (let id = 1; id <= n; id++) {
    const c = coords.get(id) ?? fail(file, lines.length, `node ${id} has no coordinates`);
    inst.x.push(c[0]); inst.y.push(c[1]);
    inst.demand.push(demand.get(id) ?? 0);
    const w = tw.get(id) ?? [0, 1e9];
    inst.ready.push(w[0]); inst.due.push(w[1]);
    inst.service.push(serviceOf.get(id) ?? (id === 1 ? 0 : service));
    inst.label.push(id - 1);
  }
  if (!(inst.capacity > 0)) fail(file, 1, 'CAPACITY missing or invalid');
  return inst;
}

/**
 * Parses Li & Lim PDPTW text: `vehicles capacity speed`, then tab-separated
 * `id x y demand earliest latest service pickup_id delivery_id` rows (node 0 = depot).
 */
export function parseLiLim(text: string, file: string): Instance {
  const lines = text.split(/\r?\n/);
  const head = lines[0]?.trim().split(/\s+/) ?? [];
  const vehicles = toInt(file, 1, head[0], 'vehicles');
  const capacity = toInt(file, 1, head[1], 'capacity');
  const name = file.replace(/\.txt$/i, '');
  const inst: Instance = { name, kind: 'pdptw', x: [], y: [], demand: [], ready: [], due: [], service: [], capacity, vehicles, label: [], pickupOf: [] };
  const deliveryOf: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const tokens = lines[i].trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    if (tokens.length < 9) fail(file, i + 1, `task row needs 9 fields (id x y demand earliest latest service pickup delivery), found ${tokens.length}`);
    const [id, x, y, q, r, d, s, p, del] = tokens.map((t, k) => toInt(file, i + 1, t, ['id', 'x', 'y', 'demand', 'earliest', 'latest', 'service', 'pickup', 'delivery'][k]));
    if (id !== inst.x.length) fail(file, i + 1, `id ${id} out of sequence (expected ${inst.x.length})`);
    inst.label.push(id); inst.x.push(x); inst.y.push(y); inst.demand.push(q); inst.ready.push(r); inst.due.push(d); inst.service.push(s);
    inst.pickupOf!.push(id !== 0 && q < 0 ? p : -1);
    deliveryOf.push(id !== 0 && q > 0 ? del : -1);
  }
  const n = inst.x.length;
  for (let i = 1; i < n; i++) {
    const p = inst.pickupOf![i];
    if (p >= 0 && (p >= n || deliveryOf[p] !== i)) fail(file, i + 1, `delivery ${i} names pickup ${p}, which does not name it back`);
    if (inst.demand[i] > 0 && (deliveryOf[i] < 1 || deliveryOf[i] >= n)) fail(file, i + 1, `pickup ${i} has no valid delivery`);
  }
  return inst;
}

/** Reads an instance by extension and content (Li & Lim text starts with three numbers). */
export function parseInstance(text: string, file: string): Instance {
  if (file.toLowerCase().endsWith('.vrp')) return parseVrplib(text, file);
  if (/^\s*\d+\s+\d+\s+\d+\s*$/.test(text.split(/\r?\n/)[0] ?? '')) return parseLiLim(text, file);
  return parseSolomon(text, file);
}

/** Integer square root (floor), exact for the magnitudes used here. */
function isqrt(s: number): number {
  let r = Math.floor(Math.sqrt(s));
  while (r * r > s) r--;
  while ((r + 1) * (r + 1) <= s) r++;
  return r;
}

/**
 * Arc length in scaled integer units. `cost` is what the objective sums; `time`
 * is the travel time (never below the exact value for `exact`, so plans stay
 * feasible in exact arithmetic).
 */
export function arc(inst: Instance, i: number, j: number, rounding: Rounding): { cost: number; time: number } {
  const dx = inst.x[i] - inst.x[j];
  const dy = inst.y[i] - inst.y[j];
  const s = dx * dx + dy * dy;
  if (rounding === 'trunc1') { const d = isqrt(100 * s); return { cost: d, time: d }; }
  if (rounding === 'nint') { const d = Math.floor(Math.sqrt(s) + 0.5); return { cost: d, time: d }; }
  const exact = Math.sqrt(s) * SCALE.exact;
  return { cost: Math.round(exact), time: Math.ceil(exact) };
}

/** Exact (double) Euclidean distance, in benchmark units. */
export function euclid(inst: Instance, i: number, j: number): number {
  const dx = inst.x[i] - inst.x[j];
  const dy = inst.y[i] - inst.y[j];
  return Math.sqrt(dx * dx + dy * dy);
}
