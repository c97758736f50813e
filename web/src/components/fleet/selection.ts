// Row selection of the vehicle and order tables: a set of ids that forgets ids
// no longer in the table (deleted, or undone away).
import { createMemo, createSignal } from 'solid-js';

/** The selection over the ids `present()` returns. */
export interface RowSelection {
  /** Selected ids that still exist. */
  live(): ReadonlySet<string>;
  toggle(id: string, on: boolean): void;
  set(ids: Iterable<string>): void;
}

/** Creates a selection; needs a reactive owner. */
export function createRowSelection(present: () => readonly { id: string }[]): RowSelection {
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const live = createMemo(() => {
    const ids = new Set(present().map((x) => x.id));
    return new Set([...selected()].filter((id) => ids.has(id)));
  });
  return {
    live,
    toggle: (id, on) => setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    }),
    set: (ids) => setSelected(new Set(ids)),
  };
}
