// Lists that appear over a few frames (issue #15): a first batch at once, the rest later, regrowing after a big jump.
import { createRenderEffect, createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createProgressive } from '../../web/src/components/ui/progressive';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const frames = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createProgressive', () => {
  it('renders a first batch at once and the whole list within a few frames, in order', async () => {
    const [items, setItems] = createSignal(range(100));
    const { shown, dispose } = createRoot((dispose) => ({ shown: createProgressive(items, 40), dispose }));
    expect(shown()).toEqual(range(40));
    await frames(400);
    expect(shown()).toEqual(range(100));
    // A list that grows by more than a batch (a filter cleared) starts again from one batch.
    setItems(range(5));
    expect(shown()).toEqual(range(5));
    setItems(range(120));
    expect(shown()).toHaveLength(40);
    await frames(400);
    expect(shown()).toEqual(range(120));
    dispose();
  });

  it('computes the list once per change of its sources, not at every frame and read while it grows', async () => {
    const [items, setItems] = createSignal(range(100));
    let computed = 0;
    const { shown, dispose } = createRoot((dispose) => ({ shown: createProgressive(() => { computed += 1; return items().filter((i) => i % 2 === 0); }, 10), dispose }));
    expect(shown()).toEqual(range(10).map((i) => 2 * i));
    await frames(400);
    shown();
    expect(shown()).toEqual(range(50).map((i) => 2 * i));
    expect(computed).toBe(1);
    setItems(range(10));
    expect(shown()).toEqual([0, 2, 4, 6, 8]);
    expect(computed).toBe(2);
    dispose();
  });

  it('shows a short list whole at once', () => {
    createRoot((dispose) => {
      const shown = createProgressive(() => range(12), 40);
      expect(shown()).toEqual(range(12));
      dispose();
    });
  });

  it('renders nothing at once with `first` 0, then the whole list over frames', async () => {
    const { shown, dispose } = createRoot((dispose) => ({ shown: createProgressive(() => range(30), 12, 0), dispose }));
    expect(shown()).toEqual([]);
    await frames(400);
    expect(shown()).toEqual(range(30));
    dispose();
  });

  it('a list that shrank and grows back (a filter cleared) is rendered a batch at a time, never whole at once', async () => {
    const [items, setItems] = createSignal(range(100));
    const rendered: number[] = [];
    const dispose = createRoot((dispose) => {
      const shown = createProgressive(items, 40);
      // What a view sees: render effects run before the list's own effect.
      createRenderEffect(() => rendered.push(shown().length));
      return dispose;
    });
    await frames(400);
    setItems(range(5));
    rendered.length = 0;
    setItems(range(120));
    expect(Math.max(...rendered)).toBe(40);
    await frames(400);
    expect(rendered.at(-1)).toBe(120);
    expect(rendered.every((n, i) => i === 0 || n >= rendered[i - 1])).toBe(true);
    dispose();
  });
});
