// Parts of the app that load on first use (issue #15): the windows a planner opens now and then, and Day mode. At
// startup the page parses, compiles and (from its second visit) code-caches every module it imports; the settings,
// import, vehicles and orders windows and the Day panel were a sixth of the code it loaded, none of it shown at
// startup. Each is a chunk of its own, loaded the first time it is shown; the service worker precaches them all and
// controls the page from its first visit (vite.config.ts), so they load with no network too. Shown in PartShell.tsx.
import { createMemo, lazy, type Accessor, type Component } from 'solid-js';

/** A component of a module loaded when it is first rendered (Solid's `lazy`, for a named export). */
export function lazyPart<P extends object>(load: () => Promise<Component<P>>): Component<P> {
  return lazy(async () => ({ default: await load() }));
}

/**
 * True from the first time `when` is, and from then on: a window rendered under it loads its code when first opened,
 * then stays mounted and closes and opens as it always did (its state and focus handling intact).
 */
export function onceTrue(when: Accessor<boolean>): Accessor<boolean> {
  return createMemo<boolean>((was) => was || when(), false);
}

/** What to say when a part's code could not be loaded. */
export function partLoadMessage(name: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `${name} could not be loaded (${reason}). Reload the page once the connection is back; from then on it also works offline.`;
}
