// Damages a valid JSON document the ways files go wrong: a field deleted or given
// a wrong type, numbers NaN / Infinity / huge / negative, an extra field, an
// array element duplicated (ids used twice), a window whose end comes before its
// start, an array grown to tens of thousands of elements, and as text: a BOM, a
// cut in the middle, a number token JSON does not allow.
import fc from 'fast-check';

type Json = unknown;
type Path = (string | number)[];

/** Placeholders written as strings, then replaced by tokens JSON.stringify cannot write. */
const RAW = { '\u0001NaN': 'NaN', '\u0001Inf': '1e400', '\u0001-Inf': '-1e400', '\u0001Infinity': 'Infinity' };

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, '', ' ', 0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 53 + 2, 1e-320, 2 ** 31, true, false, [], {}, 'NaN', '12:00',
    '<img src=x onerror=alert(1)>', '\u0000', ...Object.keys(RAW)),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.constant('x'.repeat(20_000)),
);

/** One change to a document; `at` picks the place (modulo the candidates). */
export type Mutation =
  | { op: 'delete' | 'duplicate' | 'swap' | 'extra'; at: number }
  | { op: 'set'; at: number; value: Json }
  | { op: 'grow'; at: number; size: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: oddValue }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const, 'extra' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const), at: fc.nat(), size: fc.oneof({ weight: 150, arbitrary: fc.integer({ min: 2, max: 50 }) }, { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 40_000 }) }) }) },
);

/** Damage to the file's text. */
export interface TextDamage { bom: boolean; cut: number | null }
export const textDamageArb: fc.Arbitrary<TextDamage> = fc.record({
  bom: fc.boolean(),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 8 }),
});

const isObject = (x: Json): x is Record<string, Json> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every path in the document (the root is []); at most `limit`, breadth first. */
function paths(doc: Json, limit = 4000): Path[] {
  const out: Path[] = [[]];
  for (let i = 0; i < out.length && out.length < limit; i++) {
    const value = get(doc, out[i]);
    if (Array.isArray(value)) value.slice(0, 50).forEach((_, k) => out.push([...out[i], k]));
    else if (isObject(value)) Object.keys(value).forEach((k) => out.push([...out[i], k]));
  }
  return out;
}

function get(doc: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)?.[k], doc);
}

function parentOf(doc: Json, path: Path): { parent: Record<string | number, Json>; key: string | number } | null {
  if (path.length === 0) return null;
  return { parent: get(doc, path.slice(0, -1)) as Record<string | number, Json>, key: path[path.length - 1] };
}

/** A copy of an element whose id (string or number) no longer equals the original's. */
function renumbered(item: Json, n: number): Json {
  if (!isObject(item)) return item;
  const id = item.id;
  return { ...item, id: typeof id === 'number' ? id + 1_000_000 + n : typeof id === 'string' ? `${id}~${n}` : id };
}

function swapEnds(value: Json): boolean {
  if (Array.isArray(value) && value.length === 2) {
    value.reverse();
    return true;
  }
  if (!isObject(value)) return false;
  for (const [a, b] of [['start', 'end'], ['open', 'close']] as const) {
    if (a in value && b in value) {
      [value[a], value[b]] = [value[b], value[a]];
      return true;
    }
  }
  return false;
}

/**
 * Characters a grown document may reach (written compactly). A JavaScript string holds at most
 * 2^29 − 24 characters in V8: past that, the file's text cannot exist for the importer to read, and
 * JSON.stringify in jsonText threw a RangeError of the harness's own (20,000-character values copied
 * 27,782 times). Tens of megabytes still make a file no planner day comes near.
 */
export const MAX_DOC_CHARS = 50_000_000;

/** The length `array` may grow to: `size`, or less when its copies would pass MAX_DOC_CHARS. */
function grownSize(doc: Json, array: Json[], size: number): number {
  const room = MAX_DOC_CHARS - (JSON.stringify(doc)?.length ?? 0);
  const widest = Math.max(...array.map((item) => (JSON.stringify(item)?.length ?? 4) + 1));
  return Math.min(size, array.length + Math.max(0, Math.floor(room / widest)));
}

function apply(doc: Json, m: Mutation): Json {
  const all = paths(doc);
  const pick = (candidates: Path[]) => candidates[m.at % candidates.length];
  if (m.op === 'swap') {
    const windows = all.filter((p) => { const v = get(doc, p); return (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) || (isObject(v) && (('start' in v && 'end' in v) || ('open' in v && 'close' in v))); });
    if (windows.length) swapEnds(get(doc, pick(windows)));
    return doc;
  }
  if (m.op === 'duplicate' || m.op === 'grow') {
    const arrays = all.filter((p) => Array.isArray(get(doc, p)) && (get(doc, p) as Json[]).length > 0);
    if (!arrays.length) return doc;
    const array = get(doc, pick(arrays)) as Json[];
    if (m.op === 'duplicate') array.push(structuredClone(array[m.at % array.length]));
    else if (m.op === 'grow') for (let n = array.length, size = grownSize(doc, array, m.size); n < size; n++) array.push(renumbered(structuredClone(array[n % array.length]), n));
    return doc;
  }
  const at = pick(all);
  if (m.op === 'extra') {
    const target = get(doc, at);
    if (isObject(target)) target[`extra${m.at % 7}`] = m.at % 2 ? 'surprise' : { nested: [1, 2] };
    return doc;
  }
  const place = parentOf(doc, at);
  if (!place) return m.op === 'set' ? structuredClone(m.value) : doc;
  if (m.op === 'delete') {
    if (Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1);
    else delete place.parent[place.key];
  } else if (m.op === 'set') {
    place.parent[place.key] = structuredClone(m.value);
  }
  return doc;
}

/** A damaged copy of `doc`. */
export function mutate(doc: Json, mutations: readonly Mutation[]): Json {
  return mutations.reduce((d, m) => apply(d, m), structuredClone(doc));
}

/** The document as file text, with raw number tokens, a BOM and a cut as the damage says. */
export function jsonText(doc: Json, damage: TextDamage): string {
  let text = JSON.stringify(doc, null, damage.cut === null ? 2 : undefined) ?? 'undefined';
  for (const [placeholder, token] of Object.entries(RAW)) text = text.split(JSON.stringify(placeholder)).join(token);
  if (damage.cut !== null) text = text.slice(0, Math.floor(text.length * damage.cut));
  return damage.bom ? `\ufeff${text}` : text;
}
