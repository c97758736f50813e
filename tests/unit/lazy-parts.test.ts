// The parts of the app loaded on first use (web/src/components/ui/lazy-parts.ts): a window's code is asked for only
// when it is first shown, once shown it stays mounted through closing and opening again, and a part that cannot be
// loaded is named with the reason.
import { createRoot, createSignal, type JSX } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { lazyPart, onceTrue, partLoadMessage } from '../../web/src/components/ui/lazy-parts';

describe('onceTrue', () => {
  it('is false until its condition first holds, then true for good', () => {
    createRoot((dispose) => {
      const [open, setOpen] = createSignal(false);
      const opened = onceTrue(open);
      expect(opened()).toBe(false);
      setOpen(false);
      expect(opened()).toBe(false);
      setOpen(true);
      expect(opened()).toBe(true);
      setOpen(false);
      expect(opened()).toBe(true);
      dispose();
    });
  });
});

describe('lazyPart', () => {
  it('loads its module when the component is first rendered, once, and renders what it exports', async () => {
    let loads = 0;
    const Part = lazyPart<{ label: string }>(async () => { loads++; return (props) => `part ${props.label}` as unknown as JSX.Element; });
    expect(loads).toBe(0);
    const rendered = createRoot(() => Part({ label: 'a' }) as unknown as () => unknown);
    expect(loads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rendered()).toBe('part a');
    createRoot(() => Part({ label: 'b' }));
    expect(loads).toBe(1);
  });

  it('names a part that could not be loaded, with the reason', () => {
    expect(partLoadMessage('Settings', new TypeError('Failed to fetch dynamically imported module: /assets/SettingsDialog-x.js')))
      .toBe('Settings could not be loaded (Failed to fetch dynamically imported module: /assets/SettingsDialog-x.js). Reload the page once the connection is back; from then on it also works offline.');
  });
});
