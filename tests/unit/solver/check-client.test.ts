// The main-thread side of the checker worker (issue #15): a plan's verdict through the worker is
// check.ts's verdict; the scenario crosses once for many plans; and when the worker dies mid-check
// the plan is still checked (here, by the same checker) and the next check gets a fresh worker.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { createCheckApi } from '../../../workers/check-api';
import type { CheckApi } from '../../../workers/protocol';
import { checkSolution } from '../../../web/src/domain/check';
import { makeCheckClient } from '../../../web/src/solver/check-client';
import { toPlanText } from '../../../web/src/domain/plan-text';
import { PIECE_CHARS } from '../../../web/src/io/text-pieces';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

/** A stand-in for `new Worker(...)`: the API exposed on one end of a MessageChannel. */
class FakeWorker extends EventTarget {
  private readonly port: MessagePort;
  constructor(api: CheckApi) {
    super();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api, port2);
    this.port = port1;
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') {
      this.port.addEventListener('message', listener);
      this.port.start();
    } else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.port.removeEventListener('message', listener);
    else super.removeEventListener(type, listener);
  }
  terminate(): void {
    this.port.close();
  }
}

const broken = () => {
  const s = makeMiniSolution();
  return { ...s, routes: s.routes.map((r) => ({ ...r, distanceM: r.distanceM + 1000 })) };
};

describe('check client', () => {
  it('returns check.ts\'s verdict through the worker, posting the scenario once for several plans', async () => {
    let loads = 0;
    const workers: FakeWorker[] = [];
    const inner = createCheckApi();
    const api: CheckApi = { load: (key, s) => { loads += 1; inner.load(key, s); }, textPart: (key, parts) => inner.textPart(key, parts), check: (key, s) => inner.check(key, s) };
    const client = makeCheckClient(() => { const w = new FakeWorker(api); workers.push(w); return w as unknown as Worker; });
    const scenario = makeMiniScenario();
    const check = client.forScenario(scenario);
    const [clean, bad] = await Promise.all([check(makeMiniSolution()), check(broken())]);
    expect(clean).toEqual(checkSolution(scenario, makeMiniSolution()));
    expect(clean.ok).toBe(true);
    expect(bad).toEqual(checkSolution(scenario, broken()));
    expect(bad.ok).toBe(false);
    expect(loads).toBe(1);
    expect(workers).toHaveLength(1);
    // Another scenario, given as its JSON text too, is loaded before its plans are checked.
    const other = { ...makeMiniScenario(), vehicles: makeMiniScenario().vehicles.filter((v) => v.id !== 'v1') };
    const verdict = await client.forScenario(JSON.stringify(other))(makeMiniSolution());
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual(checkSolution(other, makeMiniSolution()));
    expect(loads).toBe(2);
    // Back to the first scenario's checker: loaded again, still its own verdicts.
    expect(await check(broken())).toEqual(checkSolution(scenario, broken()));
    expect(loads).toBe(3);
    client.dispose();
  });

  it('sends a large scenario text in pieces, one group per task, and checks against the joined text', async () => {
    const pieces: number[] = [];
    const loads: unknown[] = [];
    const inner = createCheckApi();
    const api: CheckApi = {
      load: (key, s) => { loads.push(s); inner.load(key, s); },
      textPart: (key, parts) => { pieces.push(parts.join('').length); inner.textPart(key, parts); },
      check: (key, s) => inner.check(key, s),
    };
    const client = makeCheckClient(() => new FakeWorker(api) as unknown as Worker);
    const other = { ...makeMiniScenario({ name: 'Nantes – quai ✓ '.repeat(Math.ceil((2.2 * PIECE_CHARS) / 16)) }), vehicles: makeMiniScenario().vehicles.filter((v) => v.id !== 'v1') };
    const text = JSON.stringify(other);
    const verdict = await client.forScenario(text)(makeMiniSolution());
    expect(verdict).toEqual(checkSolution(other, makeMiniSolution()));
    expect(verdict.ok).toBe(false);
    expect(pieces).toHaveLength(Math.ceil(text.length / PIECE_CHARS));
    expect(pieces.every((n) => n <= PIECE_CHARS)).toBe(true);
    expect(loads).toEqual([{ textKey: expect.any(Number) }]);
    client.dispose();
  });

  it('sends a large plan text a part per call before the check, which reads the parts in order', async () => {
    const sent: { key: number; parts: string[] }[] = [];
    const checked: unknown[] = [];
    const inner = createCheckApi();
    const api: CheckApi = {
      load: (key, s) => inner.load(key, s),
      textPart: (key, parts) => { sent.push({ key, parts }); inner.textPart(key, parts); },
      check: (key, s) => { checked.push(s); return inner.check(key, s); },
    };
    const client = makeCheckClient(() => new FakeWorker(api) as unknown as Worker);
    const scenario = makeMiniScenario();
    const check = client.forScenario(scenario);
    // The mini plan's text, its parts padded past PIECE_CHARS in all (JSON whitespace: the same routes).
    const wire = toPlanText(broken());
    const pad = ' '.repeat(PIECE_CHARS);
    const large = { head: wire.head, parts: [`[${pad}${wire.parts[0].slice(1)}`, `[${pad}]`] };
    const verdict = await check(large);
    expect(verdict).toEqual(checkSolution(scenario, broken()));
    expect(verdict.ok).toBe(false);
    expect(sent.map((s) => s.parts)).toEqual(large.parts.map((p) => [p]));
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(checked).toEqual([{ head: wire.head, partsKey: sent[0].key }]);
    // A small plan text goes in the call.
    expect((await check(wire)).ok).toBe(false);
    expect(checked.at(-1)).toEqual(wire);
    expect(sent).toHaveLength(2);
    client.dispose();
  });

  it('still checks a plan when the worker crashes mid-check, and spawns a new worker for the next one', async () => {
    const workers: FakeWorker[] = [];
    // The first worker never answers a check and then dies; the second one works.
    const silent: CheckApi = { load: () => {}, textPart: () => {}, check: () => new Promise<never>(() => {}) as never };
    const client = makeCheckClient(() => {
      const w = new FakeWorker(workers.length === 0 ? silent : createCheckApi());
      workers.push(w);
      return w as unknown as Worker;
    });
    const scenario = makeMiniScenario();
    const check = client.forScenario(scenario);
    const pending = check(broken());
    await new Promise((resolve) => setTimeout(resolve, 20));
    workers[0].dispatchEvent(new Event('error'));
    const verdict = await pending;
    expect(verdict).toEqual(checkSolution(scenario, broken()));
    expect(verdict.ok).toBe(false);
    expect(await check(makeMiniSolution())).toEqual(checkSolution(scenario, makeMiniSolution()));
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('a scenario given as JSON text is parsed for the check here when the worker fails', async () => {
    const failing: CheckApi = { load: () => {}, textPart: () => {}, check: () => { throw new Error('worker broke'); } };
    const client = makeCheckClient(() => new FakeWorker(failing) as unknown as Worker);
    const other = { ...makeMiniScenario(), vehicles: makeMiniScenario().vehicles.filter((v) => v.id !== 'v1') };
    const check = client.forScenario(JSON.stringify(other));
    const verdict = await check(makeMiniSolution());
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual(checkSolution(other, makeMiniSolution()));
    expect(await check(makeMiniSolution())).toEqual(verdict);
    client.dispose();
  });

  it('posts a plan to the worker in a later task than the call, not in the task that received it', async () => {
    const posted: string[] = [];
    const client = makeCheckClient(() => {
      const w = new FakeWorker(createCheckApi());
      const post = w.postMessage.bind(w);
      w.postMessage = (message: unknown, transfer?: Transferable[]) => { posted.push(String((message as { path?: string[] }).path?.[0])); post(message, transfer); };
      return w as unknown as Worker;
    });
    const scenario = makeMiniScenario();
    const verdict = client.forScenario(scenario)(makeMiniSolution());
    // Every microtask of this task runs first: nothing has crossed to the worker yet.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(posted).toEqual([]);
    expect((await verdict).ok).toBe(true);
    expect(posted).toEqual(['load', 'check']);
    client.dispose();
  });
});
