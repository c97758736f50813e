// The order form's draft: every field of an order as the text the user types,
// and back. Blank crew size / skills = the service type's; blank late allowance
// = hard windows; no window = any time; blank id = generated. Fields the form
// does not show (extra columns, pickup place, pickup amounts) are kept as they were.
import type { Order, Scenario, ServiceType, SoftLimit, TimeWindow } from '../../domain/scenario';
import { suggestServiceMinutes } from '../../domain/service-types';
import { parseLatLng, validateOrder, type FieldIssue } from '../../domain/validate-entity';
import { DraftReader, formatList, formatNumber, formatTime, parseList, uniqueId } from '../fleet/draft-parse';

/** One window row ("Window N start", "Window N end"). */
export interface WindowDraft { start: string; end: string }

/** The form's text, field by field. */
export interface OrderDraft {
  id: string; customerName: string; address: string;
  /** "lat, lng". */
  location: string;
  serviceType: ServiceType; serviceMinutes: string;
  /** One per capacity unit. */
  amounts: string[];
  windows: WindowDraft[];
  priority: string; crewSize: string; skills: string;
  lateMax: string; lateCost: string;
  notes: string; phone: string; email: string;
}

/** "lat, lng" as the Location input shows it. */
export function formatLocation(lat: number, lng: number): string {
  return `${lat}, ${lng}`;
}

/** The draft of an existing order. */
export function draftOfOrder(o: Order): OrderDraft {
  return {
    id: o.id, customerName: o.customerName, address: o.address, location: formatLocation(o.lat, o.lng),
    serviceType: o.serviceType, serviceMinutes: String(o.serviceMinutes), amounts: o.amounts.map(String),
    windows: o.timeWindows.map((w) => ({ start: formatTime(w.start), end: formatTime(w.end) })),
    priority: String(o.priority), crewSize: formatNumber(o.crewSize), skills: o.skills ? formatList(o.skills) : '',
    lateMax: formatNumber(o.lateness?.maxMinutes), lateCost: formatNumber(o.lateness?.costPerMinute),
    notes: o.notes, phone: o.phone, email: o.email,
  };
}

/** A new order's draft, at `place` when given (a click on the map). */
export function newOrderDraft(scenario: Scenario, place?: { lat: number; lng: number }): OrderDraft {
  const amounts = scenario.settings.capacityUnits.map(() => '0');
  return {
    id: '', customerName: '', address: '', location: place ? formatLocation(place.lat, place.lng) : '',
    serviceType: 'curbside', serviceMinutes: String(suggestServiceMinutes(scenario.settings, { serviceType: 'curbside', amounts: amounts.map(Number) })),
    amounts, windows: [], priority: '0', crewSize: '', skills: '', lateMax: '', lateCost: '', notes: '', phone: '', email: '',
  };
}

/** The catalogue's service minutes for the draft's type and amounts (amounts not yet numbers count as 0). */
export function suggestedMinutes(scenario: Scenario, d: Pick<OrderDraft, 'serviceType' | 'amounts'>): number {
  const amounts = d.amounts.map((text) => (Number.isFinite(Number(text)) ? Number(text) : 0));
  return suggestServiceMinutes(scenario.settings, { serviceType: d.serviceType, amounts });
}

function readWindows(r: DraftReader, windows: readonly WindowDraft[]): TimeWindow[] {
  return windows.map((w, i) => ({
    start: r.time(w.start, `timeWindows[${i}].start`, `Window ${i + 1} start`),
    end: r.time(w.end, `timeWindows[${i}].end`, `Window ${i + 1} end`),
  }));
}

function readLateness(r: DraftReader, d: OrderDraft): SoftLimit | undefined {
  const maxMinutes = r.number(d.lateMax, 'lateness.maxMinutes', 'Late allowance (min)', 'absent');
  const costPerMinute = r.number(d.lateCost, 'lateness.costPerMinute', 'Late cost per minute', 'absent');
  if (maxMinutes === undefined && costPerMinute !== undefined) r.fail('lateness.maxMinutes', 'Late allowance (min)', 'enter the minutes late allowed, or clear the cost');
  return maxMinutes === undefined ? undefined : { maxMinutes, costPerMinute: costPerMinute ?? 0 };
}

function readLocation(r: DraftReader, text: string): { lat: number; lng: number } {
  const place = parseLatLng(text);
  if (place.ok) return place;
  r.fail('lat', 'Location', text.trim() ? place.message : 'type "lat, lng" or use Place on map');
  return { lat: Number.NaN, lng: Number.NaN };
}

/** Reads the draft onto `base` (the order being edited: fields the form does not show are kept). */
function readOrder(r: DraftReader, d: OrderDraft, scenario: Scenario, base: Order | undefined): Order {
  const units = scenario.settings.capacityUnits;
  const { crewSize: _c, skills: _s, lateness: _l, ...kept } = base ?? { extra: {} };
  const place = readLocation(r, d.location);
  const crewSize = r.number(d.crewSize, 'crewSize', 'Crew size', 'absent');
  const skills = parseList(d.skills);
  const lateness = readLateness(r, d);
  // A moved order is no longer the place its travel-matrix row describes.
  const { matrixIndex, ...rest } = kept as Partial<Order>;
  const stays = base && base.lat === place.lat && base.lng === place.lng && matrixIndex !== undefined;
  return {
    ...(rest as Order), ...(stays ? { matrixIndex } : {}),
    id: d.id.trim() || uniqueId(`order-${scenario.orders.length + 1}`, scenario.orders.filter((o) => o.id !== base?.id).map((o) => o.id)),
    customerName: d.customerName.trim(), address: d.address.trim(), ...place,
    serviceType: d.serviceType, serviceMinutes: r.number(d.serviceMinutes, 'serviceMinutes', 'Service minutes', 'required'),
    amounts: d.amounts.map((text, i) => r.number(text, `amounts[${i}]`, `Amount (${units[i] ?? `unit ${i + 1}`})`, 'required')),
    timeWindows: readWindows(r, d.windows),
    priority: r.number(d.priority, 'priority', 'Priority', 'required'),
    notes: d.notes, phone: d.phone.trim(), email: d.email.trim(), extra: base?.extra ?? {},
    ...(crewSize !== undefined ? { crewSize } : {}), ...(skills.length ? { skills } : {}), ...(lateness ? { lateness } : {}),
  };
}

/** The result of a draft: the order when it may be saved, and every issue named by its form label. */
export function orderFromDraft(d: OrderDraft, scenario: Scenario, base?: Order): { order: Order | null; issues: FieldIssue[] } {
  const r = new DraftReader();
  const order = readOrder(r, d, scenario, base);
  const checked = validateOrder(order, scenario, base?.id);
  if (checked.ok && r.issues.length === 0) return { order: checked.value, issues: [] };
  const issues = r.merge(checked.ok ? [] : checked.issues.map(windowIssue));
  return { order: null, issues };
}

/** "Window 1: window opens after it closes" is shown at the window's end input. */
function windowIssue(issue: FieldIssue): FieldIssue {
  const m = /^timeWindows\[(\d+)\]$/.exec(issue.field);
  if (!m) return issue;
  return { ...issue, field: `timeWindows[${m[1]}].end`, label: `Window ${Number(m[1]) + 1} end`, message: 'the window closes before it opens' };
}
