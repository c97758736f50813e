// Reactive side of virtual-window.ts: tracks a scrolling container's scrollTop and
// height, and says which rows of a long list to render; `reveal` scrolls a row into
// the rendered window (a selection made elsewhere must show up here).
import { batch, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { afterFrame } from '../../map/chunked';
import { scrollToRow, virtualWindow, type TallRow, type VirtualWindow } from './virtual-window';

/** Rows drawn outside the viewport on each side (a timeline row holds ~35 stop bars: few, but enough for a wheel step). */
const OVERSCAN = 2;

export interface VirtualRows {
  /** The rows to render, or every row while `enabled` is false. */
  window: Accessor<VirtualWindow>;
  /** Scrolls row `index` into view if it is not, after the next frame (a no-op while not enabled). */
  reveal(index: number): void;
  /** Attach to the scrolling element (a ref callback). */
  attach(el: HTMLElement): void;
}

/** A height in px, fixed or measured (an accessor). */
type Px = number | Accessor<number>;
const px = (value: Px) => (typeof value === 'function' ? value() : value);

/** Optional parts of a virtual list. */
export interface VirtualOptions {
  /** The one row that is taller than the others, and by how much. */
  tall?: Accessor<TallRow | null>;
  /**
   * The scrolling element's height once it is enabled, when its style fixes it (px, header included): used until
   * it is measured so. A list enabled by the change that fills it (a plan landing) is then rendered right at once,
   * not first for the height the element had while empty and again after the next layout.
   */
  height?: Accessor<number>;
  /**
   * False: the element is first measured by its ResizeObserver (after the next layout), not when attached, which
   * forces a layout of the page in that task; for a list that is not enabled when created (every row is rendered).
   */
  measureOnAttach?: boolean;
}

/** `count` rows of `rowHeight` px below a sticky header of `headerHeight` px inside a scrolling element. */
export function createVirtualRows(count: Accessor<number>, enabled: Accessor<boolean>, rowHeight: Px, headerHeight: Px, options: VirtualOptions = {}): VirtualRows {
  const { tall } = options;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal(600);
  const height = () => Math.max(viewport(), (options.height?.() ?? 0) - px(headerHeight));
  let el: HTMLElement | undefined;
  const read = () => {
    if (!el) return;
    // The sticky header covers the top of the viewport, over content that is already rows. Both read before either
    // is set: the rows a change renders would otherwise be laid out at once by the second read (issue #15).
    const top = el.scrollTop;
    const height = el.clientHeight - px(headerHeight);
    batch(() => { setScrollTop(top); setViewport(height); });
  };
  const resize = new ResizeObserver(read);
  onCleanup(() => resize.disconnect());
  return {
    window: () => (enabled()
      ? virtualWindow({ count: count(), rowHeight: px(rowHeight), scrollTop: scrollTop(), viewport: height(), overscan: OVERSCAN, tall: tall?.() })
      : { start: 0, end: count(), padTop: 0, padBottom: 0 }),
    reveal(index) {
      if (!el || !untrack(enabled) || index < 0) return;
      // From the scroll position and height the list tracks (its scroll events and ResizeObserver), not the
      // element's: reading those forces a layout of the page in the task that changed it, the click that opened a
      // route (at 10,000 stops a good part of a 60 ms task, issue #15). The DOM is touched only to scroll, and
      // after the next frame: a scroll lays the page out first, and after a hand move that was all of the move's
      // changes to the page, in the task that revealed the row (20-35 ms at 10,000 stops; scroll-soon.ts).
      afterFrame(() => {
        if (!el || !untrack(enabled)) return;
        const top = untrack(() => scrollToRow(index, px(rowHeight), scrollTop(), height(), tall?.()));
        if (top !== null) {
          el.scrollTop = top;
          read();
        }
      });
    },
    attach(node) {
      el = node;
      node.addEventListener('scroll', read, { passive: true });
      resize.observe(node);
      if (options.measureOnAttach !== false) read();
    },
  };
}
