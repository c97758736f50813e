// The autosave's writes in the save worker (issue #15): the worker stores exactly the records the
// page would have, a stale write is still refused with the stored stamp, a worker that fails leaves
// the page writing itself, and a leaving save that overtakes a write still in the worker neither
// raises a false conflict nor loses the newer version. The worker is simulated in-process (same
// handler as save.worker.ts, behind a fake Worker that answers asynchronously).
import { describe, expect, it } from 'vitest';
import { isStaleWrite, makePlannerDb } from '../../../web/src/io/db';
import { joinRead, KEPT_PLANS, makeReplyPoster, makeSaveHandler, makeSaveWorker, makeWorkerWriter, READ_AHEAD, readReplies, type PlanPart, type ReadPart, type SaveReply, type SaveRequest, type TextPart, type WorkerMessage } from '../../../web/src/io/save-offload';
import { entriesOf } from '../../../web/src/io/record-list';
import { PIECE_CHARS } from '../../../web/src/io/text-pieces';
import { recordPiecesWithoutPlan, withScenarioText } from '../../../web/src/io/record-text';
import { readScenarioRecord } from '../../../web/src/io/restore';
import { planValue } from '../../../web/src/store/plan-value';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

let counter = 0;
const names = () => ({ scenarios: `save-offload-s-${++counter}`, session: `save-offload-p-${counter}` });

/** A Worker stand-in running the save worker's handler; `hold` keeps requests until `release`. */
function fakeWorker(options: { failOnPost?: boolean; dieOnFirstPiece?: boolean; partItems?: number } = {}) {
  const handle = makeSaveHandler();
  const requests: WorkerMessage[] = [];
  /** Every message the worker posted, as the page received it. */
  const replies: (SaveReply | ReadPart)[] = [];
  let held: (() => void)[] | null = null;
  /** Messages posted ahead of the page's asks, at most, over the worker's life (makeReplyPoster keeps it at READ_AHEAD). */
  let ahead = 0;
  let mostAhead = 0;
  // As the worker's entry (save.worker.ts) posts them: a large read's parts, then its reply; each a task on the page.
  const poster = makeReplyPoster((message) => {
    replies.push(message);
    if ('part' in message) mostAhead = Math.max(mostAhead, ++ahead);
    setTimeout(() => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<SaveReply | ReadPart>), 0);
  }, READ_AHEAD, options.partItems);
  const worker = {
    onmessage: null as ((event: MessageEvent<SaveReply | ReadPart>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    onmessageerror: null as (() => void) | null,
    terminated: false,
    postMessage(request: WorkerMessage) {
      requests.push(structuredClone(request));
      if (request.kind === 'read-more') ahead--;
      if (options.failOnPost) return void setTimeout(() => worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent), 0);
      // Dies as its first piece of a text comes in (at once: the page learns of it before posting the next piece).
      if (options.dieOnFirstPiece && request.kind === 'text-part') return void worker.onerror?.({ message: 'gone', preventDefault() {} } as ErrorEvent);
      // As the worker's entry (save.worker.ts) meets them: the page's asks for a read's next part go to the poster.
      if (request.kind === 'read-more') return void setTimeout(() => poster.more(request.id), 0);
      const run = () => void handle(structuredClone(request)).then((reply) => { if (reply) poster.send(reply); });
      if (held) held.push(run);
      else setTimeout(run, 0);
    },
    terminate() { worker.terminated = true; },
  };
  return {
    worker, requests, replies, mostAhead: () => mostAhead,
    hold() { held = []; },
    release() { const runs = held ?? []; held = null; runs.forEach((run) => run()); },
    create: () => worker as unknown as Worker,
  };
}

/** A database that writes and reads through a (fake) save worker. */
function readingDb(options: { failOnPost?: boolean; partItems?: number } = {}) {
  const where = names();
  const fake = fakeWorker(options);
  const worker = makeSaveWorker(fake.create);
  return { where, fake, db: makePlannerDb(where, { writer: worker.write, reader: worker.read, lister: worker.list }) };
}

describe('save worker', () => {
  it('stores the record the page would have stored, from its JSON text', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    const scenario = makeMiniScenario({ plan: makeMiniPlan() });
    await db.saveCurrentScenario(scenario);
    expect(fake.requests).toHaveLength(1);
    expect(typeof (fake.requests[0] as SaveRequest).json).toBe('string');
    const reader = makePlannerDb(where);
    expect(await reader.getCurrentScenarioId()).toBe('mini');
    expect(await reader.getScenario('mini')).toEqual(scenario);
    expect(db.knownStamp?.('mini')).toBe(reader.knownStamp?.('mini'));
  });

  it('sends a stored (frozen) plan once, in pieces, and later saves of the edited scenario reuse it', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    const plan = planValue(makeMiniPlan())!;
    await db.saveCurrentScenario({ ...makeMiniScenario(), plan });
    await db.saveCurrentScenario({ ...makeMiniScenario({ name: 'Edited' }), plan });
    const parts = fake.requests.filter((r) => r.kind === 'plan-part') as PlanPart[];
    const saves = fake.requests.filter((r) => r.kind === 'save') as SaveRequest[];
    expect(saves).toHaveLength(2);
    expect(new Set(parts.map((p) => p.key)).size).toBe(1);
    expect(saves.map((s) => s.planKey)).toEqual([parts[0].key, parts[0].key]);
    // The record text itself carries no plan (null): it went apart.
    expect(JSON.parse(saves[1].json!).plan).toBeNull();
    expect(await makePlannerDb(where).getScenario('mini')).toEqual({ ...makeMiniScenario({ name: 'Edited' }), plan: JSON.parse(JSON.stringify(plan)) });
  });

  it('writes a record marked with its scenario\'s text from that text (its pins added), and stores the same record', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    const plan = planValue(makeMiniPlan())!;
    const scenario = { ...makeMiniScenario(), plan };
    const pins = { orders: { o1: 'v1' }, routes: ['v1'] };
    const text = JSON.stringify({ ...scenario, plan: null });
    // Changed after its text was taken (as the store's data may be): the text is what is written.
    const record = withScenarioText({ ...scenario, pins }, () => text);
    record.name = 'Not in the text';
    await db.saveCurrentScenario(record);
    const [save] = fake.requests.filter((r) => r.kind === 'save') as SaveRequest[];
    expect(save.json!.startsWith(text.slice(0, -1))).toBe(true);
    expect(JSON.parse(save.json!)).toEqual({ ...JSON.parse(text), pins });
    expect(await makePlannerDb(where).getScenario('mini')).toEqual({ ...makeMiniScenario(), plan: JSON.parse(JSON.stringify(plan)), pins });
    // Unmarked, or marked but no longer current, a record is written as it is now.
    expect((await recordPiecesWithoutPlan({ ...record })).join('')).toBe(JSON.stringify({ ...record, plan: null }));
    const stale = withScenarioText({ ...record }, () => null);
    expect((await recordPiecesWithoutPlan(stale)).join('')).toBe(JSON.stringify({ ...record, plan: null }));
  });

  it('writes a record without a plan from its scenario\'s text too, when marked with it', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    const scenario = makeMiniScenario();
    const text = JSON.stringify({ ...scenario, plan: null });
    const record = withScenarioText({ ...scenario, pins: { orders: {}, routes: [] } }, () => text);
    record.name = 'Not in the text';
    await db.saveCurrentScenario(record);
    const [save] = fake.requests.filter((r) => r.kind === 'save') as SaveRequest[];
    expect(save.planKey).toBeUndefined();
    expect(JSON.parse(save.json!)).toEqual({ ...scenario, plan: null, pins: { orders: {}, routes: [] } });
    expect(await makePlannerDb(where).getScenario('mini')).toEqual({ ...scenario, plan: null, pins: { orders: {}, routes: [] } });
    // The text may come later (written in slices by the store): the request waits for it.
    const renamed = JSON.stringify({ ...scenario, name: 'Written in slices', plan: null });
    await db.saveCurrentScenario(withScenarioText({ ...scenario, pins: { orders: {}, routes: [] } }, () => new Promise((resolve) => setTimeout(() => resolve(renamed), 5))));
    expect(((await makePlannerDb(where).getScenario('mini')) as { name?: string } | undefined)?.name).toBe('Written in slices');
  });

  it('takes a scenario\'s text as the pieces the store wrote it in, never joined, the pins after its last brace', async () => {
    const scenario = makeMiniScenario();
    const text = JSON.stringify({ ...scenario, name: 'In pieces', plan: null });
    const pieces = [text.slice(0, 10), text.slice(10, 40), text.slice(40), ''];
    const pins = { orders: { o1: { vehicleId: 'v1' } }, routes: [] };
    const withPins = await recordPiecesWithoutPlan(withScenarioText({ ...scenario, pins }, () => pieces));
    expect(withPins.slice(0, 2)).toEqual(pieces.slice(0, 2));
    expect(JSON.parse(withPins.join(''))).toEqual({ ...JSON.parse(text), pins });
    const without = await recordPiecesWithoutPlan(withScenarioText({ ...scenario }, () => Promise.resolve(pieces)));
    expect(without).toEqual(pieces);
    expect(pieces.join('')).toBe(text);
  });

  it('sends a large record\'s text in pieces of at most PIECE_CHARS before the request, which names them, and stores the same record', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    const plan = planValue(makeMiniPlan())!;
    const big = { ...makeMiniScenario({ name: 'Évry – dépôt ✓ '.repeat(Math.ceil((1.5 * PIECE_CHARS) / 15)) }), plan };
    await db.saveCurrentScenario(big);
    // Unfrozen plan (written with the record), also large.
    await db.saveCurrentScenario({ ...big, name: `${big.name}!`, plan: JSON.parse(JSON.stringify(plan)) });
    const saves = fake.requests.filter((r) => r.kind === 'save') as SaveRequest[];
    const pieces = fake.requests.filter((r) => r.kind === 'text-part') as TextPart[];
    expect(saves).toHaveLength(2);
    expect(saves.every((s) => s.json === undefined && typeof s.jsonKey === 'number')).toBe(true);
    expect(new Set(pieces.map((p) => p.key))).toEqual(new Set(saves.map((s) => s.jsonKey)));
    for (const piece of pieces) expect(piece.parts.join('').length).toBeLessThanOrEqual(PIECE_CHARS);
    // Each request comes after its last piece.
    for (const save of saves) expect(fake.requests.indexOf(save)).toBeGreaterThan(fake.requests.findLastIndex((r) => r.kind === 'text-part' && r.key === save.jsonKey));
    expect(await makePlannerDb(where).getScenario('mini')).toEqual({ ...big, name: `${big.name}!`, plan: JSON.parse(JSON.stringify(plan)) });
  });

  it('sends a large record\'s text again, whole, when its worker dies between pieces', async () => {
    const where = names();
    const fakes = [fakeWorker({ dieOnFirstPiece: true }), fakeWorker()];
    let spawned = 0;
    const db = makePlannerDb(where, { writer: makeWorkerWriter(() => fakes[spawned++].create()) });
    const big = makeMiniScenario({ name: 'Évry – dépôt ✓ '.repeat(Math.ceil((2.5 * PIECE_CHARS) / 15)) });
    await db.saveCurrentScenario(big);
    expect(spawned).toBe(2);
    // The first worker got one piece and died; its successor got none of the first text, refused the request
    // (TextMissingError), then got the whole text again.
    expect(fakes[0].requests.map((r) => r.kind)).toEqual(['text-part']);
    const second = fakes[1].requests;
    const saves = second.filter((r) => r.kind === 'save') as SaveRequest[];
    expect(saves).toHaveLength(2);
    const resent = second.filter((r) => r.kind === 'text-part' && r.key === saves[1].jsonKey) as TextPart[];
    expect(resent.map((p) => p.parts.join('')).join('')).toBe(JSON.stringify(big));
    expect(await makePlannerDb(where).getScenario('mini')).toEqual(big);
  });

  it('answers a request naming a text it never got with TextMissingError', async () => {
    const handle = makeSaveHandler();
    const reply = await handle({ kind: 'save', id: 8, names: { db: `save-offload-h-${++counter}`, store: 'scenarios' }, jsonKey: 3, write: { stamp: 1, markCurrent: true, expect: false } });
    expect(reply).toMatchObject({ id: 8, ok: false, name: 'TextMissingError' });
  });

  it('sends a plan again once the worker has dropped it for newer ones', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    const plans = Array.from({ length: KEPT_PLANS + 1 }, () => planValue(makeMiniPlan())!);
    for (const plan of plans) await db.saveCurrentScenario({ ...makeMiniScenario(), plan });
    await db.saveCurrentScenario({ ...makeMiniScenario({ name: 'back to the first plan' }), plan: plans[0] });
    const keys = new Set((fake.requests.filter((r) => r.kind === 'plan-part') as PlanPart[]).map((p) => p.key));
    expect(keys.size).toBe(KEPT_PLANS + 2);
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'back to the first plan', plan: JSON.parse(JSON.stringify(plans[0])) });
  });

  it('still refuses to write over a newer copy another tab stored (StaleWriteError with its stamp)', async () => {
    const where = names();
    const tabA = makePlannerDb(where, { writer: makeWorkerWriter(fakeWorker().create) });
    const tabB = makePlannerDb(where, { writer: makeWorkerWriter(fakeWorker().create) });
    await tabA.saveCurrentScenario(makeMiniScenario({ name: 'v1' }));
    await tabB.getScenario('mini');
    await tabA.saveCurrentScenario(makeMiniScenario({ name: 'v2 from A' }));
    const refused = tabB.saveCurrentScenario(makeMiniScenario({ name: 'stale edit from B' }));
    await expect(refused).rejects.toSatisfy(isStaleWrite);
    await expect(refused).rejects.toMatchObject({ storedStamp: tabA.knownStamp?.('mini') });
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'v2 from A' });
  });

  it('answers a request with the failure of its write, by name', async () => {
    const handle = makeSaveHandler();
    const reply = await handle({ kind: 'save', id: 7, names: { db: `save-offload-h-${++counter}`, store: 'scenarios' }, json: '{"id": 1', write: { stamp: 1, markCurrent: true, expect: false } });
    expect(reply).toMatchObject({ id: 7, ok: false, name: 'SyntaxError' });
  });

  it('writes on the page itself once the worker has failed, and the save succeeds', async () => {
    const where = names();
    const fake = fakeWorker({ failOnPost: true });
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    await db.saveCurrentScenario(makeMiniScenario({ name: 'saved anyway' }));
    expect(fake.worker.terminated).toBe(true);
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'saved anyway' });
    // Later saves no longer try the worker.
    await db.saveCurrentScenario(makeMiniScenario({ name: 'again' }));
    expect(fake.requests).toHaveLength(1);
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'again' });
  });

  it('a leaving save that runs before a write still in the worker raises no conflict, and the newest version ends stored', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    await db.saveCurrentScenario(makeMiniScenario({ name: 'first' }));
    fake.hold();
    const inWorker = db.saveCurrentScenario(makeMiniScenario({ name: 'debounced save' }));
    // The page is hidden: its save is written at once, on the page, before the worker's transaction exists.
    const leaving = db.saveCurrentScenario(makeMiniScenario({ name: 'edited as the tab was hidden' }), true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    fake.release();
    await expect(inWorker).resolves.toBeUndefined();
    await expect(leaving).resolves.toBeUndefined();
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'edited as the tab was hidden' });
    // And this tab goes on saving without a conflict.
    await db.saveCurrentScenario(makeMiniScenario({ name: 'later edit' }));
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'later edit' });
  });

  it('a first save still in the worker when a leaving save lands first is not reported as a conflict', async () => {
    const where = names();
    const fake = fakeWorker();
    const db = makePlannerDb(where, { writer: makeWorkerWriter(fake.create) });
    fake.hold();
    const inWorker = db.saveCurrentScenario(makeMiniScenario({ name: 'new scenario' }));
    const leaving = db.saveCurrentScenario(makeMiniScenario({ name: 'edited as the tab was hidden' }), true);
    await expect(leaving).resolves.toBeUndefined();
    fake.release();
    // The worker's older version is refused over this page's own newer one: no conflict, and it is not written.
    await expect(inWorker).resolves.toBeUndefined();
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'edited as the tab was hidden' });
    await db.saveCurrentScenario(makeMiniScenario({ name: 'later edit' }));
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'later edit' });
  });

  it('reads a record in the worker as the app opens it (validated, plan re-checked), with its stamp, without adopting it', async () => {
    const { where, fake, db } = readingDb();
    const scenario = makeMiniScenario({ plan: makeMiniPlan() });
    await makePlannerDb(where).saveCurrentScenario(scenario);
    const stored = await db.readRecord!('mini');
    expect(fake.requests.map((r) => r.kind)).toEqual(['read']);
    // The same reading the page does: the record's scenario, its plan re-checked by the checker.
    expect(stored?.read).toEqual(readScenarioRecord(await makePlannerDb(where).getScenario('mini')));
    expect(stored?.read.ok && stored.read.scenario.plan?.solution.check.ok).toBe(true);
    expect(stored?.stamp).toBeTypeOf('number');
    expect(db.knownStamp?.('mini')).toBeUndefined();
    expect(await db.readRecord!('absent')).toBeUndefined();
  });

  it('answers a read of a large scenario in parts, its orders and routes a message each, and the page puts them back in order', async () => {
    const { where, fake, db } = readingDb({ partItems: 2 });
    const base = makeMiniScenario();
    // Six orders, five of them on two routes.
    const more = [5, 6].map((n) => ({ ...structuredClone(base.orders[0]), id: `o${n}` }));
    const scenario = makeMiniScenario({ orders: [...base.orders, ...more] });
    const planned = { ...scenario, plan: makeMiniPlan(scenario, { v1: ['o1', 'o2', 'o5'], v2: ['o3', 'o6'] }) };
    await makePlannerDb(where).saveCurrentScenario(planned);
    const stored = await db.readRecord!('mini');
    expect(stored?.read).toEqual(readScenarioRecord(await makePlannerDb(where).getScenario('mini')));
    expect(stored?.read.ok && stored.read.scenario.orders.map((o) => o.id)).toEqual(scenario.orders.map((o) => o.id));
    expect(stored?.read.ok && stored.read.scenario.plan?.solution.routes.map((r) => r.vehicleId)).toEqual(['v1', 'v2']);
    // Three parts of two orders, a part per route (each over two steps), then the reply.
    const parts = fake.replies.filter((m): m is ReadPart => 'part' in m);
    expect(parts.filter((m) => m.part.orders).map((m) => m.part.orders!.length)).toEqual([2, 2, 2]);
    expect(parts.filter((m) => m.part.routes).map((m) => m.part.routes!.map((r) => r.vehicleId))).toEqual([['v1'], ['v2']]);
    const last = fake.replies.at(-1) as Extract<SaveReply, { ok: true }>;
    expect(last.parted).toBe(true);
    expect(last.found?.read.ok && last.found.read.scenario.orders).toEqual([]);
    // The page asked for the next message once per part it took; the worker kept READ_AHEAD of them in flight.
    expect(fake.requests.map((r) => r.kind)).toEqual(['read', ...parts.map(() => 'read-more')]);
    expect(fake.mostAhead()).toBe(READ_AHEAD);
  });

  it('posts a read answered in parts as the page asks for them, a fixed number ahead, each read on its own', () => {
    const scenario = makeMiniScenario({ plan: makeMiniPlan() });
    const found = { read: readScenarioRecord(scenario), stamp: 7 };
    const posted: (SaveReply | ReadPart)[] = [];
    const poster = makeReplyPoster((m) => posted.push(m), 2, 1);
    const whole = readReplies({ id: 1, ok: true, found }, 1);
    expect(whole.length).toBeGreaterThan(3);
    poster.send({ id: 1, ok: true, found });
    expect(posted).toEqual(whole.slice(0, 2));
    // A small answer (and a failure) leaves at once, whatever is waiting.
    poster.send({ id: 2, ok: true, listed: { entries: [], unreadable: [] } });
    poster.send({ id: 3, ok: false, name: 'Error', message: 'x' });
    expect(posted.slice(2).map((m) => m.id)).toEqual([2, 3]);
    // A second large read keeps its own queue; asks for an unknown or finished read post nothing.
    poster.send({ id: 4, ok: true, found });
    expect(posted.slice(4)).toEqual(readReplies({ id: 4, ok: true, found }, 1).slice(0, 2));
    poster.more(99);
    expect(posted).toHaveLength(6);
    for (let i = 2; i < whole.length; i++) {
      poster.more(1);
      expect(posted.at(-1)).toEqual(whole[i]);
    }
    poster.more(1);
    expect(posted).toHaveLength(6 + whole.length - 2);
    expect(posted.filter((m) => m.id === 1)).toEqual(whole);
  });

  it('splits only a read of a large scenario, and joins its parts back to the very read it split', () => {
    const scenario = makeMiniScenario({ plan: makeMiniPlan() });
    const found = { read: readScenarioRecord(scenario), stamp: 7 };
    const reply: SaveReply = { id: 3, ok: true, found };
    expect(readReplies(reply)).toEqual([reply]);
    expect(readReplies({ id: 4, ok: true, found: null })).toEqual([{ id: 4, ok: true, found: null }]);
    expect(readReplies({ id: 5, ok: false, name: 'Error', message: 'x' })).toHaveLength(1);
    const messages = readReplies(reply, 1);
    const parts = messages.filter((m): m is ReadPart => 'part' in m);
    expect(parts.length).toBeGreaterThan(scenario.orders.length - 1);
    expect(parts.every((m) => m.id === 3 && (m.part.orders?.length ?? 0) <= 1)).toBe(true);
    const end = messages.at(-1) as Extract<SaveReply, { ok: true }>;
    expect(joinRead(end.found!, parts.map((m) => m.part))).toEqual(found);
  });

  it('reads on the page once the worker has failed', async () => {
    const { where, fake, db } = readingDb({ failOnPost: true });
    await makePlannerDb(where).saveCurrentScenario(makeMiniScenario({ name: 'read anyway' }));
    const stored = await db.readRecord!('mini');
    expect(fake.worker.terminated).toBe(true);
    expect(stored?.read.ok && stored.read.scenario.name).toBe('read anyway');
    await db.readRecord!('mini');
    expect(fake.requests).toHaveLength(1);
  });

  it('works out the scenario list in the worker: the lines the page would make, the unreadable records named', async () => {
    const { where, fake, db } = readingDb();
    const page = makePlannerDb(where);
    await page.saveCurrentScenario(makeMiniScenario({ name: 'with a plan', plan: makeMiniPlan() }));
    await page.putScenario({ ...makeMiniScenario({ name: 'another' }), id: 'other' });
    await page.putScenario({ id: 'broken', name: 7 } as never);
    const listed = await db.listEntries!();
    expect(fake.requests.map((r) => r.kind)).toEqual(['list']);
    expect(listed).toEqual(entriesOf(await page.listScenarios()));
    expect(listed.entries.map((e) => e.name)).toEqual(['another', 'with a plan']);
    expect(listed.entries[1].kpis).not.toBeNull();
    expect(listed.unreadable).toHaveLength(1);
    expect(listed.unreadable[0]).toMatch(/^broken: /);
  });

  it('lists on the page once the worker has failed', async () => {
    const { where, fake, db } = readingDb({ failOnPost: true });
    await makePlannerDb(where).saveCurrentScenario(makeMiniScenario({ name: 'listed anyway' }));
    expect((await db.listEntries!()).entries.map((e) => e.name)).toEqual(['listed anyway']);
    expect(fake.worker.terminated).toBe(true);
    await db.listEntries!();
    expect(fake.requests).toHaveLength(1);
  });

  it('lists the stored ids from the keys alone, without the open scenario\'s marker', async () => {
    const { where, db } = readingDb();
    const page = makePlannerDb(where);
    await page.saveCurrentScenario(makeMiniScenario());
    await page.putScenario({ ...makeMiniScenario(), id: 'second' });
    expect((await db.listScenarioIds!()).sort()).toEqual(['mini', 'second']);
  });
});
