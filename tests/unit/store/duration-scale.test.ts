// A minutes-on-site column whose header names no unit but whose numbers make stops of hours (a planner's export in
// seconds: "Service Time" 300): the review asks whether the column is in seconds, and reads it so when told.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../../web/src/io/csv';
import { durationScales } from '../../../web/src/io/import-checks';
import { durationUnitOf } from '../../../web/src/io/units';
import type { Order } from '../../../web/src/domain/scenario';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

describe('minutes or seconds', () => {
  it('asks about a column of bare numbers whose median stop lasts over two hours, not about one of minutes or one that names its unit', async () => {
    const table = await parseCsv('Id,Service Time,Pickup duration,Service time (sec),Unload\nA,300,10,300,90\nB,600,15,600,120\nC,180,5,180,150\nD,,,,');
    const targets = ['id', 'serviceMinutes', 'pickupServiceMinutes', 'extra', 'extra'];
    expect(durationScales(table, targets, {}, durationUnitOf)).toEqual([{ column: 1, header: 'Service Time', median: 300, chosen: false }]);
    // A header naming seconds converts by itself (units.ts); a median of two hours is an installation's, not seconds.
    expect(durationScales(table, ['id', 'extra', 'extra', 'serviceMinutes', 'extra'], {}, durationUnitOf)).toEqual([]);
    expect(durationScales(table, ['id', 'extra', 'extra', 'extra', 'serviceMinutes'], {}, durationUnitOf)).toEqual([]);
    // Chosen: said as chosen (seconds), or no more asked (minutes).
    expect(durationScales(table, targets, { 1: 'seconds' }, durationUnitOf)).toEqual([{ column: 1, header: 'Service Time', median: 300, chosen: true }]);
    expect(durationScales(table, targets, { 1: 'minutes' }, durationUnitOf)).toEqual([]);
  });

  it('reads the column in seconds when told, and back in minutes', async () => {
    const { importer: [state, actions] } = createRoot((dispose) => {
      disposers.push(dispose);
      return { importer: createImportStore({ scenario: createScenarioStore(makeMiniScenario()), openScenario: vi.fn(async () => {}) }) };
    });
    const csv = ['Address,Alias,Latitude,Longitude,Service Time,Weight', '12 Main St,Ann,45.76,4.84,300,20', '3 Side St,Bob,45.75,4.83,600,5', '9 End St,Cy,45.74,4.82,1 min,5'].join('\n');
    actions.start();
    await actions.loadFile(new File([csv], 'route4me.csv', { type: 'text/csv' }));
    expect(state.targets[4]).toBe('serviceMinutes');
    actions.review();
    const minutes = () => state.rows.map((r) => (r.value as Order | null)?.serviceMinutes ?? null);
    expect(minutes()).toEqual([300, 600, 1]);
    expect(state.notices.durationScales).toEqual([{ column: 4, header: 'Service Time', median: 300, chosen: false }]);
    actions.setDurationUnit(4, 'seconds');
    // Bare numbers are seconds now; a cell that writes its unit is read as written.
    expect(minutes()).toEqual([5, 10, 1]);
    expect(state.notices.durationScales).toEqual([{ column: 4, header: 'Service Time', median: 300, chosen: true }]);
    expect(state.notices.units.filter((line) => line.startsWith('Service Time'))).toEqual([]);
    actions.setDurationUnit(4, 'minutes');
    expect(minutes()).toEqual([300, 600, 1]);
    expect(state.notices.durationScales).toEqual([]);
  });
});
