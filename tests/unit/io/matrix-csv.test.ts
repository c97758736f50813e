import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import { makeLegFn } from '../../../web/src/domain/travel';
import { parseCsv } from '../../../web/src/io/csv';
import { importMatrixCsv } from '../../../web/src/io/matrix-csv';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { buildRoute } from '../../helpers/build-route';

const s = makeMiniScenario();
const ids = [...s.depots.map((d) => d.id), ...s.orders.map((o) => o.id)];

/** Every pair of distinct places, seconds = 100 × (i + 1) + j, metres = 1000 + i + j. */
function fullCsv(skip?: [string, string]): string {
  const lines = ['from,to,seconds,metres'];
  ids.forEach((a, i) => ids.forEach((b, j) => {
    if (a !== b && !(skip && skip[0] === a && skip[1] === b)) lines.push(`${a},${b},${100 * (i + 1) + j},${1000 + i + j}`);
  }));
  return lines.join('\n');
}

describe('importMatrixCsv', () => {
  it('applies a complete file as every vehicle type\'s matrix, read by the checker\'s legs', async () => {
    const result = importMatrixCsv(await parseCsv(fullCsv()), s);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.pairs).toBe(ids.length * (ids.length - 1));
    const routed = result.scenario;
    const leg = makeLegFn(routed, routed.vehicles[0])(routed.depots[0], routed.orders[1]);
    expect(leg).toEqual({ durationS: Math.round((100 * 1 + 2) * routed.vehicles[0].speedFactor), distanceM: 1002 });
    expect(routed.travelMatrices?.van.durationsS[2][2]).toBe(0);
    // The checker walks the same legs: a one-stop route's distance is the file's, not the embedded model's.
    const order = routed.orders[0].id;
    const route = buildRoute(s, routed.vehicles[0].id, [order]);
    const unassigned = routed.orders.slice(1).map((o) => ({ orderId: o.id, reason: 'test' }));
    const fileMetres = (1000 + 0 + 1) + (1000 + 1 + 0);
    expect(route.distanceM).not.toBe(fileMetres);
    expect(checkSolution(routed, { routes: [route], unassigned }).distanceM).toBe(fileMetres);
    expect(s.travelMatrices).toBeUndefined();
  });

  it('names the row and field of bad cells and unknown ids, and applies nothing', async () => {
    const text = `${fullCsv()}\nhub,Z9,12,30\nhub,${ids[1]},x,30\n${ids[1]},hub,5,-1`;
    const result = importMatrixCsv(await parseCsv(text), s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const last = ids.length * (ids.length - 1) + 1;
    expect(result.errors).toEqual([
      `row ${last + 1}, to: 'Z9' is not a depot or order of this scenario`,
      `row ${last + 2}, seconds: 'x' is not a number`,
      `row ${last + 3}, metres: must be ≥ 0, got -1`,
    ]);
  });

  it('refuses a repeated pair naming both rows, and lists missing pairs', async () => {
    const repeated = importMatrixCsv(await parseCsv(`${fullCsv()}\nhub,${ids[1]},1,1`), s);
    expect(repeated.ok || repeated.errors).toEqual([`row ${ids.length * (ids.length - 1) + 2}: the pair hub → ${ids[1]} is already given in row 2`]);
    const missing = importMatrixCsv(await parseCsv(fullCsv([ids[2], 'hub'])), s);
    expect(missing.ok || missing.errors).toEqual([`missing row: from ${ids[2]} to hub`]);
  });

  it('names missing columns in the header', async () => {
    const result = importMatrixCsv(await parseCsv('from,to,seconds\nhub,A,1'), s);
    expect(result.ok || result.errors).toEqual(["header: missing column 'metres' (expected from,to,seconds,metres)"]);
  });
});
