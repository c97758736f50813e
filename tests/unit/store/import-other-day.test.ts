// A file whose orders are all for one other day: the review says so and offers to use that day as the scenario's
// date (an undoable edit); once it is, nothing is said. A file of several days offers nothing: its other days wait.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const csv = (text: string) => new File([text], 'orders.csv', { type: 'text/csv' });

function mount() {
  return createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore(makeMiniScenario());
    return { scenario, importer: createImportStore({ scenario, openScenario: vi.fn(async () => {}) }) };
  });
}

describe('orders for another day', () => {
  it('offers the one other day a whole file is for as the scenario\'s date, and says nothing once it is', async () => {
    const { scenario: [open, scenarioActions], importer: [state, actions] } = mount();
    expect(open.scenario?.settings.date).toBe('2026-11-21');
    actions.start();
    await actions.loadFile(csv('Order,Date,Lat,Lng\nD-1,Dec 8 2026,45.76,4.84\nD-2,Dec 8 2026,45.75,4.85\n'));
    actions.review();
    expect(state.notices.otherDay).toBe('2026-12-08');
    expect(state.notices.dates[0]).toMatch(/^The file's orders are for 2026-12-08, and this scenario plans 2026-11-21/);
    scenarioActions.setDate(state.notices.otherDay!);
    expect(open.scenario?.settings.date).toBe('2026-12-08');
    expect([state.notices.dates, state.notices.otherDay]).toEqual([[], null]);
    expect(state.validCount).toBe(2);
  });

  it('offers no date for a file of several days: the other days wait', async () => {
    const { importer: [state, actions] } = mount();
    actions.start();
    await actions.loadFile(csv('Order,Date,Lat,Lng\nD-1,2026-11-21,45.76,4.84\nD-2,2026-11-22,45.75,4.85\nD-3,2026-11-23,45.74,4.86\n'));
    actions.review();
    expect(state.notices.otherDay).toBeNull();
    expect(state.notices.dates[0]).toMatch(/^2 orders are for another day than this scenario's \(2026-11-21\)/);
  });
});
