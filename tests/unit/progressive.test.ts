// Lists that appear over a few frames (issue #15): a first batch at once, the rest later, regrowing after a big jump.
import { createRoot, createSignal } from 'solid-js';
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
});
