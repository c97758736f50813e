// Pickups and their deliveries written as rows of their own, linked by a value they share ("S1 | Pickup" and
// "S1 | Delivery"): the import reads each row as an order of its own (the pickup a return to the depot, the delivery a
// drop from it), and the review says so rather than leave a dispatcher to find the goods carried the wrong way.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../../web/src/io/csv';
import { splitShipmentNotes } from '../../../web/src/io/import-checks';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

const FILE = [
  'Shipment,Type,Address,Lat,Lng,Window',
  'S1,Pickup,1 Shop St,45.76,4.84,09:00-10:00',
  'S1,Delivery,9 Home Rd,45.75,4.85,11:00-13:00',
  'S2,Pick-up,1 Shop St,45.76,4.84,09:00-10:00',
  'S2,Drop-off,7 Home Rd,45.74,4.86,12:00-14:00',
  'S3,Delivery,3 Other Rd,45.73,4.87,',
].join('\n');

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

describe('pickups and deliveries in rows of their own', () => {
  it('names the pairs by the column that links them, and none when no pickup row has its delivery', async () => {
    const table = await parseCsv(FILE);
    const targets = ['extra', 'serviceType', 'address', 'lat', 'lng', 'window'] as const;
    const [line] = splitShipmentNotes(table, targets, new Set());
    expect(line).toMatch(/^2 pickups and their deliveries are in rows of their own, linked by “Shipment” \(e\.g\. rows 2 and 3, S1\): each row is imported as an order of its own/);
    // With the pickup rows removed in the review, or no type column, nothing is said.
    expect(splitShipmentNotes(table, targets, new Set([0, 2]))).toEqual([]);
    expect(splitShipmentNotes(table, ['extra', 'extra', 'address', 'lat', 'lng', 'window'], new Set())).toEqual([]);
    // Two deliveries of one value are no pair.
    const two = await parseCsv('Shipment,Type,Lat,Lng\nS1,Delivery,45.76,4.84\nS1,Delivery,45.75,4.85');
    expect(splitShipmentNotes(two, ['extra', 'serviceType', 'lat', 'lng'], new Set())).toEqual([]);
  });

  it('says it in the review of such a file', async () => {
    const { importer: [state, actions] } = createRoot((dispose) => {
      disposers.push(dispose);
      return { importer: createImportStore({ scenario: createScenarioStore(makeMiniScenario()), openScenario: vi.fn(async () => {}) }) };
    });
    actions.start();
    await actions.loadFile(new File([FILE], 'shipments.csv', { type: 'text/csv' }));
    expect(state.targets[1]).toBe('serviceType');
    actions.review();
    expect(state.notices.splitShipments).toHaveLength(1);
    expect(state.notices.splitShipments[0]).toContain('To plan shipments, give each delivery row its pickup\'s place in Pickup address, Pickup lat and Pickup lng columns, and remove the pickup rows.');
  });
});
