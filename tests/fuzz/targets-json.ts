// Fuzz targets of the JSON importers: the scenario file, VROOM problems (both
// through readScenarioDocument, the path the import dialog takes) and the events
// file. Valid documents are damaged (json-mutate.ts); every case must give a
// result that re-validates, or messages whose every line names a JSON path.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { parseEventsFile } from '../../web/src/domain/day/events-file';
import { storedEventSchema } from '../../web/src/domain/day/event-schema';
import { formatIssues, validateScenario } from '../../web/src/domain/validate';
import { makeScenarioFile, readScenarioDocument, readScenarioFile } from '../../web/src/io/scenario-file';
import { makeMiniPlan, makeMiniScenario } from '../fixtures/mini-scenario';
import { makeShipmentScenario } from '../fixtures/mini-shipment';
import { rulesScenario } from '../fixtures/rules-scenario';
import { smallScenario } from '../fixtures/small-scenario';
import { vroomProblem } from '../fixtures/vroom-problem';
import { expectThat, unclearMessage, type FuzzTarget, type Outcome } from './harness';
import { jsonText, mutate, mutationArb, textDamageArb, type Mutation, type TextDamage } from './json-mutate';

/** Messages about the whole file, which has no better place to name. */
const WHOLE_FILE = [/not valid JSON/, /is not a Final Mile Planner scenario file/, /newer (than this planner reads|version of the planner)/, /neither a scenario file nor a VROOM problem/, /^this VROOM problem cannot be imported:$/];

/** Every line of a rejection names a JSON path ("orders[3] (order 'A').lat: …") or is about the whole file. */
function expectPlaceNamed(message: string): void {
  // The parser's own excerpt of the file ("Unexpected token 'N', ..."type": NaN"... is not valid JSON") may span lines.
  if (/^the file is not valid JSON \(/.test(message)) return;
  for (const line of message.split('\n')) {
    // A quoted id or key may hold a colon ("orders[2] (order '12:00').address: …", `settings.speedKmh[":x"]`): the
    // place is read without it.
    const named = WHOLE_FILE.some((re) => re.test(line)) || /^[^\s:][^:]*: \S/.test(line.replace(/'[^'\n]*'/g, "''").replace(/\["(?:[^"\\\n]|\\.)*"\]/g, '[""]'));
    expectThat(named, () => `a message line names no place: '${line.slice(0, 300)}' in:\n${message.slice(0, 1000)}`);
    const unclear = unclearMessage(line);
    expectThat(unclear === null, () => `unclear message: ${unclear}`);
  }
}

interface JsonCase { base: number; mutations: Mutation[]; damage: TextDamage }
const caseArb = (bases: number) => fc.record({ base: fc.nat(bases - 1), mutations: fc.array(mutationArb, { maxLength: 4 }), damage: textDamageArb });
const grown = (c: JsonCase) => c.mutations.some((m) => m.op === 'grow' && m.size > 1000);
const describeCase = (c: JsonCase) => JSON.stringify({ ...c, mutations: c.mutations.map((m) => ('value' in m && typeof m.value === 'string' && m.value.length > 50 ? { ...m, value: `${m.value.slice(0, 20)}…(${m.value.length})` } : m)) });

/** A scenario document read by the import dialog: valid and re-validated, or rejected with named places. */
function checkScenarioRead(read: ReturnType<typeof readScenarioDocument>): Outcome {
  if (!read.ok) {
    expectPlaceNamed(read.message);
    return { kind: 'rejected', message: read.message };
  }
  const again = validateScenario(read.scenario);
  expectThat(again.ok, () => `the scenario read does not pass the schema:\n${again.ok ? '' : formatIssues(again.issues)}`);
  expectThat(read.scenario.plan === null || read.scenario.plan.solution.check !== undefined, 'a plan was opened without being re-checked');
  for (const warning of read.warnings) expectThat(unclearMessage(warning) === null, () => `unclear warning: ${warning}`);
  return { kind: 'valid' };
}

// ---------------------------------------------------------------- scenario file

const SCENARIO_BASES = [
  makeScenarioFile(makeMiniScenario({ plan: makeMiniPlan() }), { orders: { o1: { vehicleId: 'v1' } }, routes: ['v2'] } as never),
  makeScenarioFile(rulesScenario()),
  makeScenarioFile(makeShipmentScenario()),
  smallScenario(),
  JSON.parse(readFileSync(resolve('public/demo-scenario.json'), 'utf8')),
];

/** Scenario files (and bare scenario records) of every kind the fixtures have, damaged. */
export const scenarioFileTarget: FuzzTarget<JsonCase> = {
  name: 'scenario file',
  arbitrary: caseArb(SCENARIO_BASES.length),
  async run(c) {
    const text = jsonText(mutate(SCENARIO_BASES[c.base], c.mutations), c.damage);
    const outcome = checkScenarioRead(readScenarioDocument(text, { name: 'fuzz', date: '2026-11-21' }));
    const direct = readScenarioFile(text.replace(/^\ufeff/, ''));
    expectThat(direct.ok === (outcome.kind === 'valid'), 'readScenarioFile and readScenarioDocument disagree');
    return outcome;
  },
  budgetMs: (c) => (grown(c) ? 30_000 : 5_000),
  describe: describeCase,
};

// ---------------------------------------------------------------- VROOM

const place = fc.tuple(fc.double({ min: 4.7, max: 5, noNaN: true }), fc.double({ min: 45.6, max: 45.9, noNaN: true }));
const window = fc.tuple(fc.nat(86_400), fc.nat(86_400)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
const job = fc.record({
  id: fc.nat(1000), location: place, service: fc.nat(1800), delivery: fc.array(fc.nat(20), { minLength: 1, maxLength: 2 }),
  time_windows: fc.array(window, { maxLength: 2 }), priority: fc.nat(100), skills: fc.array(fc.nat(3), { maxLength: 2 }),
}, { requiredKeys: ['id', 'location'] });
const vehicle = fc.record({
  id: fc.nat(50), start: place, end: place, capacity: fc.array(fc.nat(100), { minLength: 1, maxLength: 2 }), time_window: window,
  skills: fc.array(fc.nat(3), { maxLength: 3 }), breaks: fc.array(fc.record({ id: fc.nat(9), time_windows: fc.array(window, { maxLength: 1 }), service: fc.nat(3600) }), { maxLength: 1 }),
}, { requiredKeys: ['id', 'start', 'end'] });
const shipment = fc.record({ pickup: fc.record({ id: fc.nat(1000), location: place }), delivery: fc.record({ id: fc.nat(1000), location: place }), amount: fc.array(fc.nat(9), { maxLength: 2 }) });
const generatedProblem = fc.record({ vehicles: fc.array(vehicle, { minLength: 1, maxLength: 3 }), jobs: fc.array(job, { maxLength: 6 }), shipments: fc.array(shipment, { maxLength: 2 }) });

const VROOM_FIXTURES = ['jobs-windows.json', 'matrix.json', 'unservable.json', 'bad-field.json'].map((f) => JSON.parse(readFileSync(resolve('tests/fixtures/vroom', f), 'utf8')));

interface VroomCase extends JsonCase { generated: unknown }

/** VROOM problems, from the fixtures or generated, damaged. */
export const vroomTarget: FuzzTarget<VroomCase> = {
  name: 'vroom json',
  arbitrary: fc.record({ base: fc.nat(VROOM_FIXTURES.length + 1), generated: generatedProblem, mutations: fc.array(mutationArb, { maxLength: 4 }), damage: textDamageArb }),
  async run(c) {
    const bases = [...VROOM_FIXTURES, vroomProblem(), c.generated];
    const text = jsonText(mutate(bases[c.base % bases.length], c.mutations), c.damage);
    return checkScenarioRead(readScenarioDocument(text, { name: 'fuzz', date: '2026-11-21' }));
  },
  budgetMs: (c) => (grown(c) ? 30_000 : 5_000),
  describe: (c) => `${describeCase(c)} generated=${JSON.stringify(c.generated).slice(0, 1500)}`,
};

// ---------------------------------------------------------------- events file

const day = smallScenario();
const newOrder = { id: 'URG-1', customerName: 'Urgent', address: '1 Rue Neuve', lat: 45.75, lng: 4.85, serviceType: 'curbside', serviceMinutes: 5, amounts: [5, 1], timeWindows: [{ start: 600, end: 900 }], priority: 5, notes: '', phone: '', email: '', extra: {} };
const EVENT_TEMPLATES = [
  { type: 'departed', vehicle: 'v1', at: '07:05' },
  { type: 'arrived', order: 'A', at: '08:00' },
  { type: 'done', order: 'A', at: '10:05', id: 'e-1', pod: { recipient: 'M. Blanc', note: 'left with neighbour', signature: 'sig-1', photos: ['ph-1'], lat: 45.75, lng: 4.85, accuracyM: 12 } },
  { type: 'failed', order: 'B', at: '10:20', reason: 'not-home', pod: { note: 'no answer', photos: ['ph-2'] } },
  { type: 'delay', vehicle: 'v2', at: '10:30', minutes: 45 },
  { type: 'service-overran', order: 'C', at: '10:35', minutes: 10 },
  { type: 'position', vehicle: 'v1', at: '10:36', lat: 45.75, lng: 4.84 },
  { type: 'new-order', at: '10:40', order: newOrder },
  { type: 'unavailable', vehicle: 'v2', at: '11:00', lat: 45.76, lng: 4.83 },
  { type: 'order-cancelled', order: 'E', at: '11:10' },
  { type: 'repair-applied', at: '11:15', routes: [{ vehicle: 'v1', stops: [{ type: 'job', id: 'A' }, { type: 'job', id: 'B-R1' }] }], keepForLater: [] },
  { type: 'done', order: 'B-R1', at: '2026-11-21T12:00:30+01:00' },
];
// A driver's status file (issue #13) is an events file with the POD's photos and signature in `media`.
const MEDIA = [{ id: 'sig-1', type: 'image/png', data: 'iVBORw0KGgo=' }, { id: 'ph-1', type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' }];
const eventsDoc = fc.tuple(fc.subarray(EVENT_TEMPLATES.map((_, i) => i), { minLength: 0 }), fc.boolean()).map(([picked, withMedia]) => ({
  type: 'fmp-events', version: 1, events: picked.map((i) => EVENT_TEMPLATES[i]), ...(withMedia ? { media: MEDIA } : {}),
}));

interface EventsCase extends JsonCase { doc: unknown }

function eventsOutcome(read: ReturnType<typeof parseEventsFile>): Outcome {
  if (read.ok) {
    read.events.forEach((event, i) => {
      const parsed = v.safeParse(storedEventSchema, event);
      expectThat(parsed.success, () => `events[${i}] was accepted but does not pass the stored log's schema: ${parsed.issues?.[0].message}`);
    });
    return { kind: 'valid' };
  }
  expectThat(read.issues.length > 0, 'rejected without an issue');
  for (const issue of read.issues) {
    if (issue.path === '(file)' && issue.message.startsWith('not valid JSON: ')) continue;
    expectThat(/^(\(file\)|type|version|events|media)(\[\d+\]([.[].*)?)?$/.test(issue.path), () => `issue path names no place: '${issue.path}'`);
    expectThat(unclearMessage(issue.message) === null, () => `unclear issue at ${issue.path}: ${issue.message}`);
  }
  return { kind: 'rejected', message: `${read.issues[0].path}: ${read.issues[0].message}` };
}

/** Events files of the small scenario's day, damaged. */
export const eventsTarget: FuzzTarget<EventsCase> = {
  name: 'events file',
  arbitrary: fc.record({ base: fc.constant(0), doc: eventsDoc, mutations: fc.array(mutationArb, { maxLength: 4 }), damage: textDamageArb }),
  async run(c) {
    return eventsOutcome(parseEventsFile(jsonText(mutate(c.doc, c.mutations), c.damage), day));
  },
  budgetMs: (c) => (grown(c) ? 30_000 : 5_000),
  describe: (c) => `${describeCase(c)} doc=${JSON.stringify(c.doc).slice(0, 1500)}`,
};
