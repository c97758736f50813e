// Seeded generator of a rich final-mile scenario around Lyon (issue #4): three
// micro-hubs with opening hours, a mixed fleet (vans, box trucks, an EV van) with
// crews, skills, features, shifts, breaks, overtime and limits, and orders of every
// service type with 1–2 windows, priorities, soft lateness and shipments.
import { SCENARIO_TYPE, SCENARIO_VERSION, type Depot, type Order, type PickupPlace, type Scenario, type ServiceType, type TimeWindow, type Vehicle } from '../../web/src/domain/scenario';
import { serviceTypeSpec, suggestServiceMinutes } from '../../web/src/domain/service-types';
import { formatIssues, validateScenario } from '../../web/src/domain/validate';
import { makeRandom } from '../helpers/random-problem';

export interface RichOptions {
  orders: number;
  seed: number;
  /** Planned day, YYYY-MM-DD. */
  date?: string;
}

/** Deterministic uniform [0, 1) stream (mulberry32, shared with the solver tests); the only randomness here. */
export const makeRng = makeRandom;

type Rng = () => number;
const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const int = (rng: Rng, lo: number, hi: number) => Math.floor(between(rng, lo, hi + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const CENTRE = { lat: 45.757, lng: 4.835 };
/** Degrees of latitude / longitude per km at Lyon. */
const KM_LAT = 1 / 111.2;
const KM_LNG = 1 / (111.2 * Math.cos((CENTRE.lat * Math.PI) / 180));

/** Micro-hubs: opening hours in minutes since midnight. */
const DEPOTS: Depot[] = [
  { id: 'hub-nord', name: 'Hub Nord (Rillieux)', lat: 45.8152, lng: 4.8951, open: 360, close: 1260 },
  { id: 'hub-sud', name: 'Hub Sud (Vénissieux)', lat: 45.7059, lng: 4.8842, open: 330, close: 1230 },
  { id: 'hub-ouest', name: 'Hub Ouest (Tassin)', lat: 45.7631, lng: 4.7652, open: 420, close: 1200 },
];

/** Where shipments are collected: stores and a repair shop, open 09:00–19:00. */
const STORES = [
  { name: 'Store Part-Dieu', lat: 45.7612, lng: 4.8571 },
  { name: 'Store Confluence', lat: 45.7412, lng: 4.8179 },
  { name: 'Repair shop Villeurbanne', lat: 45.7713, lng: 4.8802 },
];

const STREETS = ['Rue de la République', 'Avenue Jean Jaurès', 'Rue Garibaldi', 'Cours Lafayette', 'Rue Paul Bert', 'Boulevard des Belges', 'Rue Duguesclin', 'Avenue Berthelot'];

/** Vehicle kinds of the mixed fleet, in the share they appear. */
interface Kind { type: 'van' | 'box-truck'; share: number; crew: number; skills: string[]; features: string[]; ev?: boolean }
const KINDS: Kind[] = [
  { type: 'van', share: 0.3, crew: 1, skills: [], features: [] },
  { type: 'van', share: 0.2, crew: 2, skills: ['white-glove'], features: [] },
  { type: 'van', share: 0.15, crew: 1, skills: ['installer'], features: ['ev'], ev: true },
  { type: 'box-truck', share: 0.2, crew: 2, skills: ['white-glove', 'installer'], features: ['liftgate'] },
  { type: 'box-truck', share: 0.15, crew: 2, skills: [], features: ['liftgate'] },
];

/** Shifts (minutes): early, day and late. */
const SHIFTS: TimeWindow[] = [{ start: 420, end: 930 }, { start: 480, end: 1020 }, { start: 660, end: 1200 }];

/** Service-type mix; `shipment` is a curbside or room-of-choice order collected at a store first. */
const MIX: [ServiceType | 'shipment', number][] = [
  ['curbside', 0.28], ['room-of-choice', 0.14], ['white-glove', 0.1], ['installation', 0.08],
  ['haul-away', 0.1], ['return', 0.1], ['re-delivery', 0.1], ['shipment', 0.1],
];

/** Vehicles for `orders` orders: about one per 10 orders, so most orders can be served. */
export function fleetSize(orders: number): number {
  return Math.max(KINDS.length, Math.ceil(orders / 10));
}

function kindAt(index: number, count: number): Kind {
  let acc = 0;
  const x = (index + 0.5) / count;
  for (const kind of KINDS) if (x < (acc += kind.share)) return kind;
  return KINDS[KINDS.length - 1];
}

function makeVehicle(rng: Rng, index: number, count: number): Vehicle {
  const kind = kindAt(index, count);
  const van = kind.type === 'van';
  const start = DEPOTS[index % DEPOTS.length];
  // Every fourth vehicle ends its day at the next hub.
  const end = index % 4 === 3 ? DEPOTS[(index + 1) % DEPOTS.length] : start;
  // Shifts rotate apart from hubs, so every hub has early, day and late vehicles.
  const shift = SHIFTS[(index + Math.floor(index / DEPOTS.length)) % SHIFTS.length];
  const breakFrom = shift.start + 180;
  const label = `${van ? (kind.ev ? 'EV van' : 'Van') : 'Box truck'} ${index + 1}`;
  return {
    id: `veh-${String(index + 1).padStart(3, '0')}`, name: label, type: kind.type,
    capacity: van ? [800, 6, 30] : [2500, 20, 60], startDepotId: start.id, endDepotId: end.id, shift: { ...shift },
    speedFactor: van ? 1 : 1.15,
    costs: van ? { fixed: 60, perKm: kind.ev ? 0.12 : 0.35, perHour: 28 } : { fixed: 110, perKm: 0.55, perHour: 34 },
    features: [...kind.features], crew: { size: kind.crew, skills: [...kind.skills] },
    breaks: [{ id: 'lunch', timeWindows: [{ start: breakFrom, end: breakFrom + 120 }], minutes: 30 }],
    limits: {
      maxStops: van ? 22 : 16, maxDurationMinutes: shift.end - shift.start,
      maxDistanceKm: kind.ev ? 110 : van ? 220 : 250,
    },
    ...(index % 5 === 0 ? { overtime: { maxMinutes: 30, costPerMinute: round(between(rng, 1, 2), 2) } } : {}),
  };
}

/** A point: 70 % spread over a 9 km disc, 30 % in six neighbourhood clusters. */
function location(rng: Rng, clusters: { lat: number; lng: number }[]): { lat: number; lng: number } {
  const clustered = rng() < 0.3;
  const centre = clustered ? pick(rng, clusters) : CENTRE;
  const radiusKm = (clustered ? 1.5 : 9) * Math.sqrt(rng());
  const angle = 2 * Math.PI * rng();
  return { lat: round(centre.lat + radiusKm * Math.sin(angle) * KM_LAT, 5), lng: round(centre.lng + radiusKm * Math.cos(angle) * KM_LNG, 5) };
}

/** Goods of one order [kg, m³, items] by what is sold. */
function goods(rng: Rng, type: ServiceType | 'shipment'): number[] {
  const g = (kg: [number, number], m3: [number, number], items: [number, number]) => [int(rng, kg[0], kg[1]), round(between(rng, m3[0], m3[1]), 2), int(rng, items[0], items[1])];
  switch (type) {
    case 'curbside': case 're-delivery': return g([2, 35], [0.02, 0.4], [1, 3]);
    case 'room-of-choice': return g([20, 80], [0.3, 1.5], [1, 2]);
    case 'white-glove': return g([30, 130], [0.5, 2], [1, 2]);
    case 'installation': return g([50, 110], [0.4, 1], [1, 1]);
    case 'haul-away': return g([40, 100], [0.5, 1.2], [1, 1]);
    case 'return': return g([5, 60], [0.1, 1], [1, 2]);
    case 'shipment': return g([10, 60], [0.1, 1], [1, 2]);
  }
}

/** 1–2 windows: a 2 h or 4 h slot, rarely the whole day, or a morning and an afternoon slot. */
function windows(rng: Rng, type: ServiceType | 'shipment'): TimeWindow[] {
  const x = rng();
  if (x < 0.08) return [{ start: 480, end: 1200 }];
  if (x < 0.3) {
    const morning = int(rng, 8, 10) * 60;
    const afternoon = int(rng, 13, 16) * 60;
    return [{ start: morning, end: morning + 120 }, { start: afternoon, end: afternoon + 120 }];
  }
  const long = type === 'installation' || rng() < 0.4;
  const start = int(rng, 8, long ? 15 : 17) * 60;
  return [{ start, end: start + (long ? 240 : 120) }];
}

function priority(rng: Rng): number {
  const x = rng();
  return x < 0.6 ? int(rng, 1, 3) : x < 0.9 ? int(rng, 4, 6) : int(rng, 7, 9);
}

function typeOf(rng: Rng): ServiceType | 'shipment' {
  let x = rng();
  for (const [type, share] of MIX) if ((x -= share) < 0) return type;
  return 'curbside';
}

function shipmentPickup(rng: Rng): PickupPlace {
  const store = pick(rng, STORES);
  return { lat: store.lat, lng: store.lng, address: store.name, timeWindows: [{ start: 540, end: 1140 }], serviceMinutes: 10 };
}

function makeOrder(rng: Rng, scenario: Pick<Scenario, 'settings'>, index: number, clusters: { lat: number; lng: number }[]): Order {
  const kind = typeOf(rng);
  const serviceType: ServiceType = kind === 'shipment' ? pick(rng, ['curbside', 'room-of-choice'] as const) : kind;
  const amounts = goods(rng, kind);
  const id = `R-${String(index + 1).padStart(4, '0')}`;
  const order: Order = {
    id, customerName: `Customer ${index + 1}`, address: `${int(rng, 1, 180)} ${pick(rng, STREETS)}, Lyon`, ...location(rng, clusters),
    serviceType, serviceMinutes: 0, amounts, timeWindows: windows(rng, kind), priority: priority(rng),
    notes: '', phone: '', email: '', extra: { channel: pick(rng, ['web', 'store', 'phone']) },
  };
  order.serviceMinutes = suggestServiceMinutes(scenario.settings, order) + 2 * (amounts[2] - 1);
  if (kind === 'shipment') order.pickup = shipmentPickup(rng);
  if (kind === 'haul-away') order.pickupAmounts = goods(rng, 'haul-away');
  if (kind === 're-delivery') order.failedOrderId = `F-${String(int(rng, 1, 9999)).padStart(4, '0')}`;
  // Heavy goods need a liftgate on top of the type's skills; heavy curbside drops need two people.
  if (amounts[0] > 90) order.skills = [...serviceTypeSpec(scenario.settings, serviceType).skills, 'liftgate'];
  if (serviceType === 'curbside' && amounts[0] > 30 && rng() < 0.5) order.crewSize = 2;
  if (serviceType !== 'installation' && rng() < 0.15) order.lateness = { maxMinutes: pick(rng, [15, 30]), costPerMinute: pick(rng, [1, 2]) };
  return order;
}

/** Generates the scenario; the same options always give the same scenario. Throws if it does not validate. */
export function generateRichScenario(options: RichOptions): Scenario {
  const rng = makeRng(options.seed * 7919 + options.orders);
  const scenario: Scenario = {
    type: SCENARIO_TYPE, version: SCENARIO_VERSION, id: `rich-${options.orders}-seed${options.seed}`,
    name: `Rich Lyon day, ${options.orders} orders (seed ${options.seed})`, revision: 0,
    settings: {
      date: options.date ?? '2026-11-23', capacityUnits: ['kg', 'm3', 'items'], itemUnit: 'items', circuityFactor: 1.3,
      speedKmh: { van: 28, 'box-truck': 24 }, tileUrl: '', tileAttribution: '',
      solver: { timeLimitS: options.orders >= 1000 ? 120 : 30, seed: options.seed },
    },
    depots: DEPOTS.map((d) => ({ ...d })), vehicles: [], orders: [], plan: null,
  };
  const count = fleetSize(options.orders);
  scenario.vehicles = Array.from({ length: count }, (_, i) => makeVehicle(rng, i, count));
  const clusters = Array.from({ length: 6 }, () => location(rng, [CENTRE]));
  scenario.orders = Array.from({ length: options.orders }, (_, i) => makeOrder(rng, scenario, i, clusters));
  const checked = validateScenario(scenario);
  if (!checked.ok) throw new Error(`generated scenario is invalid:\n${formatIssues(checked.issues)}`);
  return checked.scenario;
}
