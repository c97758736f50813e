// Large texts posted a piece per task (issue #15): the groups join back to exactly the text, none is over
// its size or empty, the next group waits for a task boundary, and the worker side gives each text once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postInPieces, TextPieces, textGroups, textLength } from '../../../web/src/io/text-pieces';

describe('text pieces', () => {
  it('cuts texts into groups that join to their concatenation, each of 1…size characters', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 12 }), fc.integer({ min: 1, max: 17 }), (texts, size) => {
      const groups = [...textGroups(texts, size)];
      expect(groups.map((g) => g.join('')).join('')).toBe(texts.join(''));
      for (const group of groups) {
        expect(textLength(group)).toBeGreaterThan(0);
        expect(textLength(group)).toBeLessThanOrEqual(size);
      }
      // Only the last group may be short.
      groups.slice(0, -1).forEach((g) => expect(textLength(g)).toBe(size));
    }));
  });

  it('posts the first group at once and each next one after a pause', async () => {
    const events: string[] = [];
    await postInPieces(['abcdefg', 'hij'], (parts) => void events.push(parts.join('')), 4, async () => void events.push('|'));
    expect(events).toEqual(['abcd', '|', 'efgh', '|', 'ij']);
    const none: string[] = [];
    await postInPieces(['', ''], (parts) => void none.push(parts.join('')), 4, async () => void none.push('|'));
    expect(none).toEqual([]);
  });

  it('joins a key\'s pieces once, names a text it never got, and keeps only the newest keys', () => {
    const kept = new TextPieces(2);
    kept.add(1, ['ab', 'c']);
    kept.add(1, ['d']);
    expect(kept.take(1)).toBe('abcd');
    expect(() => kept.take(1)).toThrow(expect.objectContaining({ name: 'TextMissingError' }));
    kept.add(2, ['x']);
    kept.add(3, ['y']);
    kept.add(4, ['z']);
    expect(kept.size).toBe(2);
    expect(() => kept.take(2)).toThrow(expect.objectContaining({ name: 'TextMissingError' }));
    expect(kept.take(4)).toBe('z');
    // A posted value is itself unless it names a text.
    kept.add(5, ['{"a":', '1}']);
    expect(kept.resolve({ textKey: 5 })).toBe('{"a":1}');
    expect(kept.resolve('as is')).toBe('as is');
    const value = { routes: [] };
    expect(kept.resolve(value)).toBe(value);
  });
});
