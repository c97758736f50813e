// The proposal's "Stops moved" list names what the dispatcher knows: the customer with the order id (customer
// names repeat), and vehicles by their names; vehicle ids are made by the app on import ("manchester-fleet-5").
// Its cost reads the km instead for a fleet whose driving is not priced (the KPI bar reads "—" there).
import { describe, expect, it } from 'vitest';
import { costText, droppedLine, movedLine } from '../../../web/src/plan/repair-diff';

const vehicles = new Map([['manchester-fleet-5', 'Van 5'], ['manchester-fleet-2', 'Van 1'], ['unnamed', '']]);
const customers = new Map([['MCR-1101', 'Freya Khan'], ['MCR-1035', '']]);
const line = (orderId: string, from: string | null, to: string | null) =>
  movedLine({ orderId, from, to }, (id) => vehicles.get(id), (id) => customers.get(id));

describe('a moved stop as the repair proposal lists it', () => {
  it('names the vehicles and the customer with the order id', () => {
    expect(line('MCR-1101', 'manchester-fleet-5', 'manchester-fleet-2')).toBe('Freya Khan · MCR-1101: Van 5 → Van 1');
    expect(line('MCR-1101', 'manchester-fleet-5', null)).toBe('Freya Khan · MCR-1101: Van 5 → unassigned');
    expect(line('MCR-1101', null, 'manchester-fleet-2')).toBe('Freya Khan · MCR-1101: unassigned → Van 1');
  });

  it('falls back to the ids where there is no name', () => {
    expect(line('MCR-1035', 'unnamed', 'gone-vehicle')).toBe('MCR-1035: unnamed → gone-vehicle');
    expect(line('MCR-9999', 'manchester-fleet-5', null)).toBe('MCR-9999: Van 5 → unassigned');
  });

  it('keeps text as text', () => {
    expect(movedLine({ orderId: 'o<1>', from: null, to: 'v' }, () => '<b>Van</b>', () => '=HYPERLINK("x")')).toBe('=HYPERLINK("x") · o<1>: unassigned → <b>Van</b>');
  });
});

describe('the warning a proposal leads with when it leaves orders unserved', () => {
  const names = (id: string) => customers.get(id) || undefined;
  it('counts and names the orders the plan as it stands serves and the proposal does not', () => {
    expect(droppedLine({ unassignedBefore: ['A', 'B'], unassignedAfter: ['B', 'MCR-1101'] }, names))
      .toBe('This repair leaves 1 more order unassigned, not served today: Freya Khan · MCR-1101.');
    const after = ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'MCR-1035'];
    expect(droppedLine({ unassignedBefore: [], unassignedAfter: after }, names))
      .toBe('This repair leaves 8 more orders unassigned, not served today: X1, X2, X3, X4, X5, and 3 more.');
  });

  it('says nothing when no order is newly left out, however the counts move', () => {
    expect(droppedLine({ unassignedBefore: ['A', 'B'], unassignedAfter: ['A'] }, names)).toBeNull();
    expect(droppedLine({ unassignedBefore: ['A', 'B'], unassignedAfter: ['B', 'A', 'A'] }, names)).toBeNull();
    expect(droppedLine({ unassignedBefore: [], unassignedAfter: [] }, names)).toBeNull();
  });
});

describe("the proposal's cost", () => {
  const diff = { costBefore: 1234.5, costAfter: 1200, distanceBeforeM: 181_400, distanceAfterM: 176_950 };
  it('reads before → after (change) for a priced fleet', () => {
    expect(costText(diff, false)).toBe('1,235 → 1,200 (−34.50)');
  });

  it('reads the km instead, said so, when the fleet drives for free and both costs are 0', () => {
    expect(costText({ ...diff, costBefore: 0, costAfter: 0 }, true)).toBe('— (driving is not priced; km 181.4 → 177.0)');
    // Fixed costs or priced rules still count: a cost that is not 0 is shown as a cost.
    expect(costText({ ...diff, costBefore: 50, costAfter: 0 }, true)).toBe('50 → 0 (−50.00)');
  });
});
