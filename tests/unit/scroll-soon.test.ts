// Scrolls asked for while the page is being changed run after the next frame (issue #15), and only if the element
// is still in the page and still wanted then.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scrollIntoViewSoon } from '../../web/src/components/ui/scroll-soon';

const frames = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function element(): HTMLElement & { scrollIntoView: ReturnType<typeof vi.fn> } {
  const el = document.createElement('div');
  document.body.append(el);
  return Object.assign(el, { scrollIntoView: vi.fn() });
}

afterEach(() => { document.body.replaceChildren(); });

describe('scrollIntoViewSoon', () => {
  it('scrolls after the current task, with the options given, once', async () => {
    const el = element();
    scrollIntoViewSoon(el, { block: 'nearest' });
    expect(el.scrollIntoView).not.toHaveBeenCalled();
    await frames(120);
    expect(el.scrollIntoView).toHaveBeenCalledTimes(1);
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'nearest' });
  });

  it('does not scroll an element taken out of the page meanwhile, nor one no longer wanted', async () => {
    const gone = element();
    const unwanted = element();
    let wanted = true;
    scrollIntoViewSoon(gone, { block: 'nearest' });
    scrollIntoViewSoon(unwanted, { block: 'nearest' }, () => wanted);
    gone.remove();
    wanted = false;
    await frames(120);
    expect(gone.scrollIntoView).not.toHaveBeenCalled();
    expect(unwanted.scrollIntoView).not.toHaveBeenCalled();
  });
});
