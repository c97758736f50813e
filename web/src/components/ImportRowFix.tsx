// One invalid row of an import: its row number, each problem (field and
// reason), an input per faulty cell to fix it in place, and Remove.
import { For, Show, type JSX } from 'solid-js';
import { joinAddress } from '../io/fields-orders';
import type { RowIssue, RowResult } from '../io/import-rows';
import { useApp } from '../store/context';
import { placeKey, waitingSides } from '../store/import-geocode';
import { RowPlaceControls } from './ImportPlaces';

/** Issue fields that are no single import field. */
const FIELD_LABELS: Record<string, string> = { 'lat/lng': 'Coordinates', row: 'Row' };

/** A faulty row with in-place fixes. */
export function ImportRowFix(props: { row: RowResult<unknown> }): JSX.Element {
  const { importer: [state, actions] } = useApp();
  const cells = () => state.table!.rows[props.row.index];
  const header = (column: number) => state.table!.headers[column] || `column ${column + 1}`;
  // The dispatcher's name for the field ("Window start"), not its key ("windowStart").
  const label = (field: string) => state.fields.find((f) => f.key === field)?.label ?? FIELD_LABELS[field] ?? field;
  const who = () => {
    const named = (key: string) => state.targets.indexOf(key);
    const cell = (key: string) => (named(key) < 0 ? undefined : cells()[named(key)]);
    // The street with its house number when the sheet gives it apart ("Torstraße 8").
    const street = joinAddress((key) => (key === 'address' || key === 'houseNumber' ? cell(key) : undefined));
    return [...['id', 'customerName', 'name'].map(cell), street].filter(Boolean).join(' · ');
  };
  const fixable = (): number[] => [...new Set(props.row.issues.map((i: RowIssue) => i.column).filter((c): c is number => c !== null))];
  const related = (column: number): number[] => {
    // Missing coordinates are fixed in both columns at once; a window that closes before it
    // opens may be wrong at either end, so both are offered.
    const issue = props.row.issues.find((i) => i.column === column);
    const pair = issue?.field === 'lat/lng' ? ['lat', 'lng'] : issue?.field === 'windowStart' || issue?.field === 'windowEnd' ? ['windowStart', 'windowEnd'] : null;
    if (!pair) return [column];
    return [column, ...pair.map((key) => state.targets.indexOf(key))].filter((c) => c >= 0);
  };
  const inputs = () => [...new Set(fixable().flatMap(related))];
  return (
    <li class="fix-row" data-row={props.row.rowNumber}>
      <div class="fix-row__head">
        <strong>Row {props.row.rowNumber}</strong>
        <span class="fix-row__who">{who()}</span>
        <button type="button" class="btn btn--small" aria-label={`Remove row ${props.row.rowNumber}`} onClick={() => actions.removeRow(props.row.index)}>Remove row</button>
      </div>
      <For each={props.row.issues}>
        {(issue) => (
          <p class="issue">
            <strong>row {props.row.rowNumber}, {label(issue.field)}</strong>
            <Show when={issue.column !== null}> (column “{header(issue.column!)}”)</Show>: {issue.message}
          </p>
        )}
      </For>
      <Show when={inputs().length > 0}>
        <div class="row-fields">
          <For each={inputs()}>
            {(column) => (
              <label>
                {header(column)}
                <input
                  value={cells()[column]}
                  aria-label={`Row ${props.row.rowNumber} ${header(column)}`}
                  aria-invalid={props.row.issues.some((i) => i.column === column)}
                  onChange={(e) => actions.editCell(props.row.index, column, e.currentTarget.value)}
                />
              </label>
            )}
          </For>
        </div>
      </Show>
      {/* A place waiting, or given (the row is invalid for another reason): a fleet row may wait for its start and its end. */}
      <For each={(['start', 'end'] as const).filter((side) => waitingSides(props.row).includes(side) || state.placing.placements[placeKey(props.row.index, side)])}>
        {(side) => <RowPlaceControls index={props.row.index} rowNumber={props.row.rowNumber} side={side} />}
      </For>
    </li>
  );
}
