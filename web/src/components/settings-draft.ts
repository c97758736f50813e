// The Settings dialog's working copy: every input as typed (text), turned back
// into settings and checked with the scenario schema, each problem labelled with
// the field it belongs to. Pure functions; the dialog only renders them.
import { SERVICE_TYPES, type Scenario, type ServiceType, type ServiceTypeSpec, type Settings } from '../domain/scenario';
import { DEFAULT_SERVICE_TYPES, itemUnitIndex, serviceTypeSpec } from '../domain/service-types';
import { DEFAULT_SPEED_KMH } from '../domain/geo';
import { validateScenario } from '../domain/validate';
import { checkGeocodeUrl } from '../io/geocode';
import { sourcesOfUrl } from '../csp-policy';
import { remapUnits, type UnitSources } from '../domain/settings-change';
import { messageFieldLabel, messagesDraftOf, messagesFromDraft, type MessagesDraft } from './settings-messages-draft';

/** One catalogue row as typed; skills comma-separated. */
export interface ServiceTypeDraft { baseMinutes: string; minutesPerItem: string; crewSize: string; skills: string }

/** One capacity unit as typed; `from` = its index in the scenario's units, null when added in the dialog. */
export interface UnitDraft { name: string; from: number | null }

/** The editable settings as typed. */
export interface SettingsDraft {
  circuityFactor: string;
  /** Robust planning: on-time target in percent; empty or 0 = off. */
  onTimeTarget?: string;
  /** Per vehicle type present in the fleet. */
  speedKmh: Record<string, string>;
  tileUrl: string;
  tileAttribution: string;
  /** Geocoding search URL; empty = off. */
  geocodeUrl: string;
  /** Least milliseconds between two geocoding requests; empty = the default (1,000). */
  geocodeIntervalMs: string;
  /** Routing service URL (issue #14); empty = off. */
  routingUrl: string;
  /** OSRM profile per vehicle type of the fleet; empty = `driving`. */
  routingProfiles: Record<string, string>;
  /** Units in their new order; a unit of the scenario that is missing here is removed. */
  capacityUnits: UnitDraft[];
  serviceTypes: Record<ServiceType, ServiceTypeDraft>;
  /** Customer messages (settings-messages-draft.ts); absent = kept as they are. */
  messages?: MessagesDraft;
}

/** A problem with one field, `label` naming it as the dialog does. */
export interface FieldIssue { path: string; label: string; message: string }

const SERVICE_FIELDS: Record<keyof ServiceTypeDraft, string> = {
  baseMinutes: 'base minutes', minutesPerItem: 'minutes per item', crewSize: 'crew size', skills: 'required skills',
};

/** Vehicle types of the fleet, in first-seen order. */
export function fleetTypes(scenario: Scenario): string[] {
  return [...new Set(scenario.vehicles.map((v) => v.type))];
}

/** The On-time target input's label (issue #14's name). */
export const ON_TIME_TARGET_LABEL = 'On-time target (%)';

/** The name of a settings field, as its input is labelled (`settings.speedKmh.van` → "Urban speed, van (km/h)"). */
export function fieldLabel(path: string): string {
  const [, field = '', ...rest] = path.split('.');
  const unit = /^capacityUnits\[(\d+)\]/.exec(field);
  if (unit) return `Capacity unit ${Number(unit[1]) + 1}`;
  if (field === 'capacityUnits') return 'Capacity units';
  if (field === 'circuityFactor') return 'Circuity factor';
  if (field === 'onTimeTarget') return ON_TIME_TARGET_LABEL;
  if (field === 'speedKmh') return `Urban speed, ${rest.join('.')} (km/h)`;
  if (field === 'tileUrl') return 'Map tile URL';
  if (field === 'tileAttribution') return 'Map attribution';
  if (field === 'geocodeUrl') return 'Geocoding search URL';
  if (field === 'geocodeIntervalMs') return 'Time between geocoding requests (ms)';
  if (field === 'routingUrl') return 'Routing service URL';
  if (field === 'routingProfiles') return `Routing profile, ${rest.join('.')}`;
  if (field === 'messages') return messageFieldLabel(rest);
  if (field === 'serviceTypes' && rest.length) {
    const type = rest[0] as ServiceType;
    const key = (rest[1] ?? '').replace(/\[\d+\]$/, '') as keyof ServiceTypeDraft;
    return `${DEFAULT_SERVICE_TYPES[type]?.label ?? type}: ${SERVICE_FIELDS[key] ?? key}`;
  }
  return path.replace(/^settings\./, '') || 'Settings';
}

/** The draft of a scenario's current settings. */
export function draftOf(scenario: Scenario): SettingsDraft {
  const s = scenario.settings;
  const serviceTypes = Object.fromEntries(SERVICE_TYPES.map((type) => {
    const spec = serviceTypeSpec(s, type);
    return [type, { baseMinutes: String(spec.baseMinutes), minutesPerItem: String(spec.minutesPerItem), crewSize: String(spec.crewSize), skills: spec.skills.join(', ') }];
  })) as Record<ServiceType, ServiceTypeDraft>;
  return {
    circuityFactor: String(s.circuityFactor),
    onTimeTarget: s.onTimeTarget ? String(s.onTimeTarget) : '',
    speedKmh: Object.fromEntries(fleetTypes(scenario).map((t) => [t, String(s.speedKmh[t] ?? DEFAULT_SPEED_KMH)])),
    tileUrl: s.tileUrl,
    tileAttribution: s.tileAttribution,
    geocodeUrl: s.geocodeUrl ?? '',
    geocodeIntervalMs: s.geocodeIntervalMs === undefined ? '' : String(s.geocodeIntervalMs),
    routingUrl: s.routingUrl ?? '',
    routingProfiles: Object.fromEntries(fleetTypes(scenario).map((t) => [t, s.routingProfiles?.[t] ?? ''])),
    capacityUnits: s.capacityUnits.map((name, from) => ({ name, from })),
    serviceTypes,
    messages: messagesDraftOf(s),
  };
}

const sameSpec = (a: ServiceTypeSpec, b: ServiceTypeSpec) =>
  a.baseMinutes === b.baseMinutes && a.minutesPerItem === b.minutesPerItem && a.crewSize === b.crewSize
  && a.skills.join(',') === b.skills.join(',') && a.label === b.label && a.pickup === b.pickup && a.priorityBoost === b.priorityBoost;

/** How many orders carry an amount (delivered or collected) and how many vehicles have capacity, per unit index. */
export function unitUse(scenario: Scenario): { orders: number; vehicles: number }[] {
  return scenario.settings.capacityUnits.map((_, k) => ({
    orders: scenario.orders.filter((o) => (o.amounts[k] ?? 0) > 0 || (o.pickupAmounts?.[k] ?? 0) > 0).length,
    vehicles: scenario.vehicles.filter((v) => (v.capacity[k] ?? 0) > 0).length,
  }));
}

/** Text → number, remembering which paths were not numbers at all. */
function makeReader() {
  const notNumbers = new Set<string>();
  const num = (path: string, text: string) => {
    const value = text.trim() === '' ? NaN : Number(text.trim().replace(',', '.'));
    if (Number.isNaN(value)) notNumbers.add(path);
    return value;
  };
  return { num, notNumbers };
}
type Read = ReturnType<typeof makeReader>['num'];

/** The catalogue as edited; a type stays out while it equals its default and was not stored before. */
function catalogueOf(current: Settings, draft: SettingsDraft, num: Read): Settings['serviceTypes'] {
  const serviceTypes: Partial<Record<ServiceType, ServiceTypeSpec>> = {};
  for (const type of SERVICE_TYPES) {
    const row = draft.serviceTypes[type];
    const at = `settings.serviceTypes.${type}`;
    const spec: ServiceTypeSpec = {
      ...serviceTypeSpec(current, type),
      baseMinutes: num(`${at}.baseMinutes`, row.baseMinutes),
      minutesPerItem: num(`${at}.minutesPerItem`, row.minutesPerItem),
      crewSize: num(`${at}.crewSize`, row.crewSize),
      skills: row.skills.split(',').map((skill) => skill.trim()).filter(Boolean),
    };
    if (current.serviceTypes?.[type] || !sameSpec(spec, DEFAULT_SERVICE_TYPES[type])) serviceTypes[type] = spec;
  }
  return Object.keys(serviceTypes).length ? serviceTypes : undefined;
}

/** Speeds as edited; a type that had no speed and still shows the default keeps having none. */
function speedsOf(current: Settings, draft: SettingsDraft, num: Read): Settings['speedKmh'] {
  const speedKmh = { ...current.speedKmh };
  for (const [type, text] of Object.entries(draft.speedKmh)) {
    const value = num(`settings.speedKmh.${type}`, text);
    if (type in current.speedKmh || value !== DEFAULT_SPEED_KMH) speedKmh[type] = value;
  }
  return speedKmh;
}

/** The item unit after a rename or removal: a renamed item unit keeps counting items for the per-item minutes. */
function itemUnitOf(current: Settings, units: string[], sources: UnitSources): string | undefined {
  const k = itemUnitIndex(current);
  if (k < 0) return current.itemUnit;
  const at = sources.indexOf(k);
  if (at < 0) return undefined;
  return current.itemUnit !== undefined || units[at] !== current.capacityUnits[k] ? units[at] : undefined;
}

/** The settings a draft stands for, where each unit comes from, and what is wrong; apply only when `issues` is empty. */
export function settingsFromDraft(scenario: Scenario, draft: SettingsDraft): { settings: Settings; unitSources: UnitSources; issues: FieldIssue[] } {
  const current = scenario.settings;
  const { num, notNumbers } = makeReader();
  const capacityUnits = draft.capacityUnits.map((u) => u.name.trim());
  const unitSources = draft.capacityUnits.map((u) => u.from);
  const { serviceTypes: _types, itemUnit: _item, messages: _messages, geocodeUrl: _geocode, geocodeIntervalMs: _interval, routingUrl: _url, routingProfiles: _profiles, onTimeTarget: _target, ...rest } = current;
  const settings: Settings = {
    ...rest,
    circuityFactor: num('settings.circuityFactor', draft.circuityFactor),
    speedKmh: speedsOf(current, draft, num),
    tileUrl: draft.tileUrl.trim(),
    tileAttribution: draft.tileAttribution.trim(),
    capacityUnits,
  };
  Object.assign(settings, routingOf(draft));
  // Stored only when set: empty or 0 (off) leaves the scenario as it was without it.
  const target = (draft.onTimeTarget ?? '').trim();
  if (target && Number(target) !== 0) settings.onTimeTarget = num('settings.onTimeTarget', target);
  const serviceTypes = catalogueOf(current, draft, num);
  if (serviceTypes) settings.serviceTypes = serviceTypes;
  const itemUnit = itemUnitOf(current, capacityUnits, unitSources);
  if (itemUnit !== undefined) settings.itemUnit = itemUnit;
  const messages = messagesFromDraft(current, draft.messages, num);
  if (messages) settings.messages = messages;
  const geocodeIssues = geocodingOf(settings, draft, num);
  const issues = [...unitIssues(scenario, capacityUnits, unitSources), ...geocodeIssues, ...routingIssues(settings), ...schemaIssues(scenario, settings, unitSources, notNumbers)];
  return { settings, unitSources, issues };
}

/** Sets the geocoding fields of `settings` from the draft (absent when empty); the URL's problem, if any. */
function geocodingOf(settings: Settings, draft: SettingsDraft, num: Read): FieldIssue[] {
  const url = (draft.geocodeUrl ?? '').trim();
  const interval = (draft.geocodeIntervalMs ?? '').trim();
  if (url) settings.geocodeUrl = url;
  if (interval) settings.geocodeIntervalMs = num('settings.geocodeIntervalMs', interval);
  const problem = url ? checkGeocodeUrl(url) : null;
  return problem ? [issue('settings.geocodeUrl', problem)] : [];
}

/** The routing settings of a draft: absent when off (no URL) or left at their defaults. */
function routingOf(draft: SettingsDraft): Pick<Settings, 'routingUrl' | 'routingProfiles'> {
  const url = draft.routingUrl.trim();
  if (!url) return {};
  const profiles = Object.entries(draft.routingProfiles ?? {}).map(([t, p]) => [t, p.trim()] as const).filter(([, p]) => p !== '');
  return { routingUrl: url, ...(profiles.length > 0 ? { routingProfiles: Object.fromEntries(profiles) } : {}) };
}

/** A routing URL must be a plain http(s) address the CSP can admit. */
function routingIssues(settings: Settings): FieldIssue[] {
  const url = settings.routingUrl;
  if (!url) return [];
  if (!/^https?:\/\//i.test(url) || sourcesOfUrl(url).length === 0) return [issue('settings.routingUrl', 'must be an http:// or https:// address such as https://router.example.org')];
  return [];
}

function issue(path: string, message: string): FieldIssue {
  return { path, label: fieldLabel(path), message };
}

/** Duplicate names, and removed units that orders still carry amounts in (removing them would lose those amounts). */
function unitIssues(scenario: Scenario, units: string[], sources: UnitSources): FieldIssue[] {
  const issues: FieldIssue[] = [];
  units.forEach((u, i) => { if (u && units.indexOf(u) !== i) issues.push(issue(`settings.capacityUnits[${i}]`, `'${u}' is used twice`)); });
  unitUse(scenario).forEach((use, k) => {
    if (use.orders > 0 && !sources.includes(k)) {
      const name = scenario.settings.capacityUnits[k];
      issues.push(issue('settings.capacityUnits', `'${name}' cannot be removed: ${use.orders} ${use.orders === 1 ? 'order carries' : 'orders carry'} an amount in it`));
    }
  });
  return issues;
}

/** Issues the scenario had before any edit, as `path|message`; cached because the dialog re-checks on every keystroke. */
const knownIssues = new WeakMap<Scenario, Set<string>>();
function issuesBefore(scenario: Scenario): Set<string> {
  let known = knownIssues.get(scenario);
  if (!known) {
    const before = validateScenario(scenario);
    known = new Set(before.ok ? [] : before.issues.map((i) => `${i.path}|${i.message}`));
    knownIssues.set(scenario, known);
  }
  return known;
}

/** Schema problems of the edited scenario; problems elsewhere that were already there are not the dialog's business. */
function schemaIssues(scenario: Scenario, settings: Settings, sources: UnitSources, notNumbers: Set<string>): FieldIssue[] {
  const known = issuesBefore(scenario);
  const after = validateScenario({ ...scenario, ...remapUnits(scenario, sources), settings });
  if (after.ok) return [];
  const issues: FieldIssue[] = [];
  const reported = new Set<string>();
  for (const found of after.issues) {
    // A bad skill is reported on the skills field, not on its position in the list.
    const path = found.path.includes('.skills[') ? found.path.replace(/\[\d+\]$/, '') : found.path;
    if ((!path.startsWith('settings') && known.has(`${found.path}|${found.message}`)) || reported.has(path)) continue;
    reported.add(path);
    issues.push(issue(path, notNumbers.has(path) ? 'must be a number' : found.message));
  }
  return issues;
}
