// JSON text of a large value that does not change, made in time slices (issue #15):
// a solved 10,000-stop plan is ~2 MB of JSON (it was ~30 MB before explanations were
// capped, over 100 ms of JSON.stringify in one go); here it is written a piece at a time, with a
// pause (a task boundary) whenever a slice has run ~8 ms. Only for immutable data
// (a stored plan is frozen): what a later slice reads must be what the first saw. A frozen value whose text is
// known (domain/known-text.ts: a plan's routes read from a worker's text) is written from that text.
import { knownPieces } from '../domain/known-text';
import { nextTask } from './next-task';

/** Values (objects, arrays, leaves) below which a part of the value is stringified in one native call. */
const PIECE_BUDGET = 2000;
/** Small elements of a large array stringified in one native call, at most. */
const RUN = 64;
/** Characters of known text (see `knownPieces`) after which a walk pauses, as after a slice of work. */
const LARGE_PIECE = 1 << 16;
/** Milliseconds of work before pausing. */
const SLICE_MS = 8;

/** How `writeJsonInSlices` reports its text and pauses. */
export interface SliceSink {
  /** Takes the next piece of text. */
  write(text: string): void;
  /** Called when a slice has run its time; the walk goes on once it resolves. */
  pause(): Promise<void>;
}

/**
 * True when `value` holds at most `budget` values all the way down (stops counting past it) and no value whose
 * text is known (the walk goes down to it, to write that text).
 */
function isSmall(value: unknown, budget = PIECE_BUDGET): boolean {
  let left = budget;
  const count = (item: unknown): boolean => {
    if (--left < 0) return false;
    if (typeof item !== 'object' || item === null) return true;
    if (knownPieces(item)) return false;
    // Walked in place: an array of members per object counted was megabytes of garbage per save of a large plan.
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) if (!count(item[i])) return false;
      return true;
    }
    for (const key in item) if (Object.hasOwn(item, key) && !count((item as Record<string, unknown>)[key])) return false;
    return true;
  };
  return count(value);
}

/**
 * Writes the text of `JSON.stringify(value)` to `sink` piece by piece: a small part (see isSmall) in one
 * native call, a large object key by key, a large array in runs of small elements. Values with a `toJSON`
 * method are left to the native call.
 */
export async function writeJsonInSlices(value: unknown, sink: SliceSink, sliceMs = SLICE_MS, now: () => number = () => performance.now()): Promise<void> {
  let started = now();
  const tick = async () => {
    if (now() - started < sliceMs) return;
    await sink.pause();
    started = now();
  };
  const native = (item: unknown) => typeof item !== 'object' || item === null || typeof (item as { toJSON?: unknown }).toJSON === 'function';
  const walk = async (item: unknown): Promise<void> => {
    const pieces = knownPieces(item);
    if (pieces) {
      // Nothing to write here but the text itself; a sink that posts what it has at each pause then posts a
      // large piece (a part of ~1,500 steps) per task, as it posts the slices of a walk.
      for (const piece of pieces) {
        sink.write(piece);
        if (piece.length >= LARGE_PIECE) { await sink.pause(); started = now(); }
      }
      return;
    }
    if (native(item) || isSmall(item)) return void sink.write(JSON.stringify(item) ?? 'null');
    if (Array.isArray(item)) return walkArray(item);
    sink.write('{');
    let first = true;
    for (const [key, member] of Object.entries(item as object)) {
      // Left out natively too: undefined, functions and symbols as object members.
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      sink.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await walk(member);
    }
    sink.write('}');
  };
  const walkArray = async (items: readonly unknown[]): Promise<void> => {
    sink.write('[');
    let runStart = 0;
    const flush = (end: number) => {
      // A run's text without its brackets (an undefined element becomes null, as natively).
      if (end > runStart) sink.write(`${runStart > 0 ? ',' : ''}${JSON.stringify(items.slice(runStart, end)).slice(1, -1)}`);
      runStart = end;
    };
    for (let i = 0; i < items.length; i++) {
      if (native(items[i]) || isSmall(items[i])) {
        if (i + 1 - runStart < RUN) continue;
        flush(i + 1);
        await tick();
        continue;
      }
      flush(i);
      if (i > 0) sink.write(',');
      await walk(items[i]);
      runStart = i + 1;
      await tick();
    }
    flush(items.length);
    sink.write(']');
    await tick();
  };
  await walk(value);
}

/** `JSON.stringify(value)`, made in slices (see writeJsonInSlices); `pause` defaults to a task boundary. */
export async function stringifyInSlices(value: unknown, pause: () => Promise<void> = nextTask, sliceMs = SLICE_MS, now?: () => number): Promise<string> {
  return (await piecesInSlices(value, pause, sliceMs, now)).join('');
}

/** The pieces whose concatenation is `JSON.stringify(value)`, made in slices (see writeJsonInSlices), not joined. */
export async function piecesInSlices(value: unknown, pause: () => Promise<void> = nextTask, sliceMs = SLICE_MS, now?: () => number): Promise<string[]> {
  const parts: string[] = [];
  await writeJsonInSlices(value, { write: (text) => parts.push(text), pause }, sliceMs, now);
  return parts;
}
