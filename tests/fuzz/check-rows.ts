// The property every table import must keep, whatever the file held: each row
// is read (none dropped), a row is either a value or issues naming its field
// with a clear message, and the scenario with the valid rows merged in passes
// the scenario schema; the review's notices are built without throwing.
import type { Scenario } from '../../web/src/domain/scenario';
import { formatIssues, validateScenario } from '../../web/src/domain/validate';
import { autoMatch, detectFlagColumns, detectTimeFormat, fieldsFor, type ImportKind, type TimeFormat } from '../../web/src/io/column-map';
import type { Table } from '../../web/src/io/csv';
import { farOrders, keptColumns, shipmentNotes, skillWarnings, swapHint } from '../../web/src/io/import-checks';
import { guessKind, mergeIntoScenario, readTable, type ImportMode } from '../../web/src/io/import-rows';
import { expectThat, unclearMessage, type Outcome } from './harness';

/** Maps the table's columns the way the import dialog does (store/import.ts matchColumns). */
export function dialogContext(table: Table, kind: ImportKind, scenario: Scenario, mode: ImportMode) {
  const fields = fieldsFor(kind, scenario.settings.capacityUnits);
  const matched = autoMatch(table.headers, fields);
  const targets = kind === 'vehicles' ? detectFlagColumns(table.headers, table.rows, matched) : matched;
  const timeFormats: Record<number, TimeFormat> = {};
  targets.forEach((target, column) => {
    if (fields.find((f) => f.key === target)?.format === 'time' || target === 'window') {
      timeFormats[column] = detectTimeFormat(table.headers[column], table.rows.map((r) => r[column]));
    }
  });
  const existing = mode === 'append' ? (kind === 'orders' ? scenario.orders : scenario.vehicles).map((x) => x.id) : [];
  return {
    kind, targets, timeFormats, capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(existing),
    idPrefix: 'fuzz', depots: scenario.depots, settings: scenario.settings,
  };
}

/** Checks every row read from `table` and the scenario they would make; valid when every row is. */
export function checkTableImport(table: Table, kind: ImportKind, scenario: Scenario, mode: ImportMode): Outcome {
  guessKind(table.headers);
  const ctx = dialogContext(table, kind, scenario, mode);
  const read = readTable(table, ctx);
  expectThat(read.rows.length === table.rows.length, () => `${table.rows.length} rows in the table but ${read.rows.length} read`);
  // Depot names other rows planned (even rows rejected later: FUZZ_SEED=13) are quoted in "unknown depot" messages.
  const depotNames = [...scenario.depots, ...read.plannedDepots].flatMap((d) => [d.id, d.name]);
  let first: string | null = null;
  read.rows.forEach((row, index) => {
    // A row's number is its spreadsheet row: below the header, after the rows before it (blank rows are skipped, not renumbered).
    const previous = index > 0 ? read.rows[index - 1].rowNumber : 1;
    expectThat(row.index === index && row.rowNumber > previous && row.rowNumber >= index + 2, () => `row ${index} read as index ${row.index}, number ${row.rowNumber} (after ${previous})`);
    // A further line of an order is no order: no value, and issues only when its own cells have them.
    expectThat(row.lineOf !== undefined ? row.value === null && row.lineOf < row.rowNumber : row.pickupOf !== undefined ? row.value === null : (row.value === null) === (row.issues.length > 0), () => `row ${row.rowNumber} has a value and issues: ${JSON.stringify(row.issues)}`);
    // A shipment's pickup row is its delivery row's, and the other way round; the shipment has a pickup place.
    if (row.pickupOf !== undefined) {
      const delivery = read.rows.find((r) => r.rowNumber === row.pickupOf);
      expectThat(delivery?.pickupRow === row.index, () => `row ${row.rowNumber} is the pickup of row ${row.pickupOf}, which does not name it`);
    }
    if (row.pickupRow !== undefined) {
      expectThat(read.rows[row.pickupRow]?.pickupOf === row.rowNumber, () => `row ${row.rowNumber} names row index ${row.pickupRow} as its pickup, which is not`);
      expectThat(row.value === null || 'pickup' in row.value, () => `row ${row.rowNumber} has a pickup row but no pickup place`);
    }
    for (const issue of row.issues) {
      expectThat(typeof issue.field === 'string' && issue.field.trim() !== '', () => `row ${row.rowNumber}: an issue names no field: ${JSON.stringify(issue)}`);
      const unclear = unclearMessage(issue.message, [...table.rows[index], ...table.headers, ...depotNames], true);
      expectThat(unclear === null, () => `row ${row.rowNumber}, ${issue.field}: ${unclear}`);
      expectThat(issue.column === null || (Number.isInteger(issue.column) && issue.column >= 0 && issue.column < table.headers.length), () => `row ${row.rowNumber}: column ${issue.column} is outside the table`);
      first ??= `row ${row.rowNumber}, ${issue.field}: ${issue.message}`;
    }
  });
  const valid = read.rows.flatMap((r) => (r.value ? [r.value] : []));
  const merged = mergeIntoScenario(scenario, kind, mode, valid, read.newDepots);
  const checked = validateScenario(merged);
  expectThat(checked.ok, () => `the imported rows do not pass the scenario schema:\n${checked.ok ? '' : formatIssues(checked.issues)}`);
  reviewNotices(table, ctx.targets, merged, read.rows, kind, read.shipments);
  if (first === null && table.warnings.length > 0) first = table.warnings[0];
  if (first === null && table.rows.length === 0) first = 'no rows';
  return first === null ? { kind: 'valid' } : { kind: 'rejected', message: first };
}

/**
 * A long row's warning without the cells it quotes: they are the file's own text, but past the last
 * column, so they are in no row of the table to be recognised by; a quote inside one ("x'y") made the
 * quoting ambiguous and a file cell '[object Object]' was judged as the app's own wording (csv orders,
 * FUZZ_SEED=5). The app's part of the line is still judged.
 */
function withoutDroppedCells(warning: string): string {
  return warning.replace(/(cells past the last column are not imported: )[\s\S]*$/, '$1…');
}

function reviewNotices(table: Table, targets: string[], after: Scenario, rows: Parameters<typeof farOrders>[0], kind: ImportKind, shipments: Parameters<typeof shipmentNotes>[3]): void {
  keptColumns(table, targets);
  const lines = [...skillWarnings(after), ...table.warnings.map(withoutDroppedCells)];
  if (kind === 'orders') lines.push(...farOrders(rows, after.depots), swapHint(table, targets, after.depots) ?? '', ...shipmentNotes(rows, table, targets, shipments));
  for (const line of lines.filter(Boolean).slice(0, 20)) {
    const unclear = unclearMessage(line, [...table.headers, ...table.rows.flat(), ...after.orders.map((o) => o.id), ...after.vehicles.flatMap((v) => [v.id, v.name])]);
    expectThat(unclear === null, () => `review notice: ${unclear}`);
  }
}
