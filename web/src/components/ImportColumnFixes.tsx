// Fixes for a whole column at once: the same bad value in several rows (an
// unknown service type, a time written one way) is listed once, with one input
// and "Apply to all N rows with this problem".
import { createMemo, For, Show, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { useApp } from '../store/context';
import { formatCount, plural } from './ui/format';

/** Groups smaller than this are fixed row by row. */
const MIN_ROWS = 2;

interface Group {
  column: number;
  value: string;
  /** Rows of another day read from their windows: the cells differ, so the group is removed together, never replaced. */
  day: boolean;
  message: string;
  rows: number;
  /** The rows' indices: the group can be set aside at once. */
  indices: number[];
}

/** One input per repeated bad value. */
export function ImportColumnFixes(): JSX.Element {
  const { importer: [state, actions] } = useApp();
  const groups = createMemo((): Group[] => {
    if (!state.table) return [];
    // Read raw (the rows' proxies were a cost per cell at 10,000 rows): the invalid rows follow every cell edit.
    const table = unwrap(state.table);
    const byKey = new Map<string, Group>();
    for (const row of unwrap(state.invalid)) {
      for (const issue of row.issues) {
        // A missing place or a duplicate id is fixed row by row: one value for all would be wrong.
        if (issue.column === null || issue.field === 'lat/lng' || issue.field === 'id') continue;
        // The day a window is written with ("12/11/2026 09:00 - 12:00"): one group per day, whatever the hours.
        const day = issue.field === 'date' && state.targets[issue.column] !== 'date';
        const value = day ? '' : (table.rows[row.index][issue.column] ?? '').trim();
        const key = day ? `${issue.column}\u0000day\u0000${issue.message}` : `${issue.column}\u0000${value}`;
        const group = byKey.get(key) ?? { column: issue.column, value, day, message: issue.message, rows: 0, indices: [] };
        group.rows += 1;
        group.indices.push(row.index);
        byKey.set(key, group);
      }
    }
    return [...byKey.values()].filter((g) => g.rows >= MIN_ROWS);
  });
  const header = (column: number) => state.table?.headers[column] || `column ${column + 1}`;
  return (
    <Show when={groups().length > 0}>
      <ul class="fix-list" aria-label="Fixes for a whole column">
        <For each={groups()}>
          {(group) => {
            let input!: HTMLInputElement;
            const what = () => (group.day ? 'Windows of another day' : group.value ? `“${group.value}”` : 'empty cells');
            return (
              <li class="fix-row">
                <p class="issue"><strong>{what()} in column “{header(group.column)}”</strong> ({plural(group.rows, 'row')}): {group.message}</p>
                <div class="row-fields">
                  <Show when={!group.day}>
                    <label>
                      Replace with
                      <input ref={input} aria-label={`Replace ${what()} in column ${header(group.column)}`} value={group.value} />
                    </label>
                    <button type="button" class="btn btn--small" onClick={() => actions.replaceInColumn(group.column, group.value, input.value)}>
                      Apply to all {formatCount(group.rows)} rows with this problem
                    </button>
                  </Show>
                  <button type="button" class="btn btn--small" onClick={() => actions.removeRows(group.indices)}>
                    Remove these {formatCount(group.rows)} rows
                  </button>
                </div>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
