// Large texts posted to a worker a piece per task (issue #15). Posting a string copies it on the posting
// thread: at 10,000 orders the scenario's JSON text is ~7 MB, and the risk request (that text and the plan's)
// or the autosave's record posted whole was a 25–50 ms task on the main thread after each solve. The text is
// cut into groups of at most PIECE_CHARS characters (slices of the caller's strings: no concatenation, no
// copy until posted), one group per task; the worker joins them under a key (TextPieces) when asked for it.
import { nextTask } from './next-task';

/**
 * Characters posted per task at most: 128 Ki. Copying is slower than it looks: a scenario's text with one
 * character beyond Latin-1 is two bytes a character, and 512 Ki of it took 10-16 ms to post on a 2-core machine.
 */
export const PIECE_CHARS = 1 << 17;

/** A text whole, or the pieces whose concatenation it is (posted as they are: joining a large one is a long task). */
export type TextOrPieces = string | readonly string[];

/** True when `value` is a text's pieces (an array), not a text or an object. */
export function isPieces(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/** The pieces of `text`. */
export const piecesOf = (text: TextOrPieces): readonly string[] => (typeof text === 'string' ? [text] : text);

/** The concatenation of `texts`, in groups of slices of at most `size` characters each (the last may be shorter). */
export function* textGroups(texts: readonly string[], size = PIECE_CHARS): Generator<string[]> {
  let group: string[] = [];
  let room = size;
  for (const text of texts) {
    let at = 0;
    while (at < text.length) {
      const take = Math.min(room, text.length - at);
      group.push(at === 0 && take === text.length ? text : text.slice(at, at + take));
      at += take;
      room -= take;
      if (room === 0) { yield group; group = []; room = size; }
    }
  }
  if (group.length > 0) yield group;
}

/** Total characters of `texts`. */
export function textLength(texts: readonly string[]): number {
  let total = 0;
  for (const text of texts) total += text.length;
  return total;
}

/**
 * Posts the concatenation of `texts` with `post`, one group of at most `size` characters per task: the first in
 * the caller's task, each next after a task boundary (`pause`). Resolves once the last group is posted.
 */
export async function postInPieces(texts: readonly string[], post: (parts: string[]) => void | Promise<void>, size = PIECE_CHARS, pause: () => Promise<void> = nextTask): Promise<void> {
  let first = true;
  for (const group of textGroups(texts, size)) {
    if (!first) await pause();
    first = false;
    await post(group);
  }
}

/** Something that keeps the pieces of a text under a key until a later call names it (a worker's `textPart`). */
export type TextPartSink = (key: number, parts: string[]) => Promise<unknown>;

/**
 * The concatenation of `texts` as a call to a worker carries it: joined, when at most PIECE_CHARS; else posted
 * before the call to `textPart` under `key`, a group of pieces per task (`postInPieces`), and named as `{ textKey }`.
 * Messages to a worker arrive in order, so the call finds its pieces. A failed piece is left to the call to find.
 */
export async function textForCall(texts: readonly string[], key: number, textPart: TextPartSink, pause: () => Promise<void> = nextTask): Promise<string | { textKey: number }> {
  if (textLength(texts) <= PIECE_CHARS) return texts.join('');
  await postInPieces(texts, (parts) => void textPart(key, parts).catch(() => {}), PIECE_CHARS, pause);
  return { textKey: key };
}

/** Worker side: the pieces of texts under way, by key, joined when taken. Keeps at most `keep` keys (the newest). */
export class TextPieces {
  private readonly parts = new Map<number, string[]>();
  constructor(private readonly keep = 4) {}

  /** Adds the next pieces of the text of `key`. */
  add(key: number, parts: readonly string[]): void {
    let list = this.parts.get(key);
    if (!list) {
      this.parts.set(key, (list = []));
      // A text whose request never came (its sender failed between pieces) is dropped, not kept for ever.
      for (const old of [...this.parts.keys()].slice(0, -this.keep)) this.parts.delete(old);
    }
    list.push(...parts);
  }

  /** The text of `key` (forgotten here); a named error if its pieces never came or were dropped. */
  take(key: number): string {
    const list = this.parts.get(key);
    if (!list) throw Object.assign(new Error(`the text ${key} was not sent`), { name: 'TextMissingError' });
    this.parts.delete(key);
    return list.join('');
  }

  /** The texts added under `key`, one per piece as added, not joined (forgotten here); a named error as `take`'s. */
  takeList(key: number): string[] {
    const list = this.parts.get(key);
    if (!list) throw Object.assign(new Error(`the text ${key} was not sent`), { name: 'TextMissingError' });
    this.parts.delete(key);
    return list;
  }

  /** `posted` itself, or the text of the key it names (`{ textKey }`: sent before in pieces; see `take`). */
  resolve<T>(posted: T | { textKey: number }): T | string {
    return typeof posted === 'object' && posted !== null && 'textKey' in posted ? this.take(posted.textKey) : posted;
  }

  /** Keys held (tests). */
  get size(): number { return this.parts.size; }
}
