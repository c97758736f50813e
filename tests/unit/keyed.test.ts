// createKeyed: a list rebuilt as new objects with the same keys keeps its keys
// array (so <For> keeps each item's component); items read the newest object.
import { createRoot, createSignal, mapArray } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createKeyed } from '../../web/src/components/ui/keyed';

interface Row { id: string; n: number }

describe('createKeyed', () => {
  it('keeps each key mapped once across rebuilt lists and reads the newest item', () => {
    createRoot((dispose) => {
      const [list, setList] = createSignal<Row[]>([{ id: 'a', n: 1 }, { id: 'b', n: 2 }]);
      const keyed = createKeyed(list, (r) => r.id);
      let made = 0;
      const mapped = mapArray(keyed.keys, (key) => {
        made += 1;
        return () => keyed.item(key)?.n;
      });
      expect(mapped().map((read) => read())).toEqual([1, 2]);
      expect(made).toBe(2);
      const keysBefore = keyed.keys();
      setList([{ id: 'a', n: 10 }, { id: 'b', n: 20 }]);
      expect(keyed.keys()).toBe(keysBefore);
      expect(mapped().map((read) => read())).toEqual([10, 20]);
      expect(made).toBe(2);
      setList([{ id: 'b', n: 21 }, { id: 'c', n: 3 }]);
      expect(keyed.keys()).toEqual(['b', 'c']);
      expect(mapped().map((read) => read())).toEqual([21, 3]);
      expect(made).toBe(3);
      expect(keyed.item('a')).toBeUndefined();
      dispose();
    });
  });
});
