// JSON text of a large value that does not change, made in time slices (issue #15):
// a solved 10,000-stop plan is about 30 MB of JSON, ~130 ms of JSON.stringify in one
// go; here its long arrays are stringified a few elements at a time, yielding a task
// between slices of ~8 ms. Only for immutable data (a stored plan is frozen): what
// is read in a later slice must be what the first slice saw.
import { nextTask } from './next-task';

/** Elements of a long array stringified in one native call. */
const CHUNK = 32;
/** Milliseconds of work before yielding. */
const SLICE_MS = 8;

/**
 * `JSON.stringify(value)`, in slices: objects are walked key by key and arrays longer than a chunk a
 * chunk at a time (each chunk by the native JSON.stringify), with `pause()` awaited whenever a slice has
 * run `sliceMs`. Values with a `toJSON` method are left to the native call.
 */
export async function stringifyInSlices(value: unknown, pause: () => Promise<void> = nextTask, sliceMs = SLICE_MS, now: () => number = () => performance.now()): Promise<string> {
  const parts: string[] = [];
  let started = now();
  const tick = async () => {
    if (now() - started < sliceMs) return;
    await pause();
    started = now();
  };
  const walk = async (item: unknown): Promise<void> => {
    if (typeof item !== 'object' || item === null || typeof (item as { toJSON?: unknown }).toJSON === 'function') {
      return void parts.push(JSON.stringify(item) ?? 'null');
    }
    if (Array.isArray(item)) {
      parts.push('[');
      for (let i = 0; i < item.length; i += CHUNK) {
        if (i > 0) parts.push(',');
        // A chunk is an array of up to CHUNK elements: its text without the brackets (undefined → null, as natively).
        parts.push(item.length <= CHUNK ? JSON.stringify(item).slice(1, -1) : JSON.stringify(item.slice(i, i + CHUNK)).slice(1, -1));
        await tick();
      }
      return void parts.push(']');
    }
    parts.push('{');
    let first = true;
    for (const [key, member] of Object.entries(item)) {
      // Left out natively too: undefined, functions and symbols as object members.
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await walk(member);
    }
    parts.push('}');
  };
  await walk(value);
  return parts.join('');
}

const planText = new WeakMap<object, Promise<string>>();

/**
 * `JSON.stringify(record)` where `record.plan`, when frozen (the store's plan value), is stringified in
 * slices and once per plan (later saves of an edited scenario reuse its text); the rest at once, now.
 */
export function recordJson(record: object): Promise<string> {
  const { plan } = record as { plan?: unknown };
  if (typeof plan !== 'object' || plan === null || !Object.isFrozen(plan)) return Promise.resolve(JSON.stringify(record));
  const rest = JSON.stringify({ ...record, plan: undefined });
  let text = planText.get(plan);
  if (!text) {
    planText.set(plan, (text = stringifyInSlices(plan)));
    text.catch(() => planText.delete(plan));
  }
  return text.then((json) => `${rest.slice(0, -1)}${rest.length > 2 ? ',' : ''}"plan":${json}}`);
}
