// createKeyed: a list rebuilt as new objects with the same keys keeps its keys
// array (so <For> keeps each item's component); items read the newest object.
import { createMemo, createRoot, createSignal, mapArray } from 'solid-js';
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

describe('createKeyed, per key', () => {
  it('re-runs only the readers of keys whose item changed (a list growing a batch at a time stays linear)', () => {
    createRoot((dispose) => {
      const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, n: i }));
      const all = rows(100);
      const [list, setList] = createSignal<Row[]>(all.slice(0, 10));
      const keyed = createKeyed(list, (r) => r.id);
      const runs = new Map<string, number>();
      const mapped = mapArray(keyed.keys, (key) => createMemo(() => {
        runs.set(key, (runs.get(key) ?? 0) + 1);
        return keyed.item(key)?.n;
      }));
      const read = () => mapped().map((m) => m());
      expect(read()).toEqual(all.slice(0, 10).map((r) => r.n));
      // Grown by a batch nine times: each row computed once, not once per batch.
      for (let shown = 20; shown <= 100; shown += 10) {
        setList(all.slice(0, shown));
        expect(read()).toHaveLength(shown);
      }
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(runs.size).toBe(100);
      // One item replaced by a new object: only its reader runs again.
      const changed = all.slice();
      changed[42] = { id: 'r42', n: 4200 };
      setList(changed);
      expect(read()[42]).toBe(4200);
      expect(runs.get('r42')).toBe(2);
      expect([...runs.entries()].filter(([key]) => key !== 'r42').every(([, count]) => count === 1)).toBe(true);
      // A repeated key keeps its first place and its last item.
      setList([{ id: 'x', n: 1 }, { id: 'y', n: 2 }, { id: 'x', n: 3 }]);
      expect(keyed.keys()).toEqual(['x', 'y']);
      expect(keyed.item('x')?.n).toBe(3);
      dispose();
    });
  });
});
