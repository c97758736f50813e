// The phone's log of a route: a stop's status is its latest event; corrections add events.
import { describe, expect, it } from 'vitest';
import { cleanPod, finishedCount, makeDriverEvent, minutesOfDay, stopProgress } from '../../../../web/src/domain/driver/driver-log';
import { appleMapsLink, geoLink, googleMapsLink, telLink } from '../../../../web/src/domain/driver/nav-links';
import { demoDriverRoute } from '../../../fixtures/driver-route';

const route = demoDriverRoute(3);
const [a, b] = route.stops;

describe('driver log', () => {
  it('derives planned → arrived → done, and a later failed corrects a done', () => {
    const log = [makeDriverEvent(a, { type: 'arrived' }, '1', 500)];
    expect(stopProgress([], a)).toEqual({ status: 'planned', last: undefined, outcomes: 0 });
    expect(stopProgress(log, a).status).toBe('arrived');
    log.push(makeDriverEvent(a, { type: 'done', pod: {} }, '2', 505));
    expect(stopProgress(log, a)).toMatchObject({ status: 'done', outcomes: 1 });
    log.push(makeDriverEvent(a, { type: 'failed', reason: 'damaged', pod: {} }, '3', 506));
    expect(stopProgress(log, a)).toMatchObject({ status: 'failed', outcomes: 2, last: { id: '3' } });
    expect(stopProgress(log, b).status).toBe('planned');
    expect(finishedCount(route, log)).toBe(1);
  });

  it('tells the two stops of a shipment apart', () => {
    const pickup = { order: 'S1', side: 'pickup' as const };
    const delivery = { order: 'S1', side: 'delivery' as const };
    const log = [makeDriverEvent(pickup, { type: 'done', pod: {} }, '1', 500)];
    expect(log[0]).toMatchObject({ stop: 'pickup' });
    expect(stopProgress(log, pickup).status).toBe('done');
    expect(stopProgress(log, delivery).status).toBe('planned');
  });

  it('drops empty POD parts and keeps a position only with both coordinates', () => {
    expect(cleanPod({ recipient: '  ', note: '', photos: [] })).toBeUndefined();
    expect(cleanPod({ recipient: ' Ann ', lat: 45 })).toEqual({ recipient: 'Ann' });
    expect(cleanPod({ lat: 45, lng: 4, accuracyM: 8 })).toEqual({ lat: 45, lng: 4, accuracyM: 8 });
    expect(makeDriverEvent(a, { type: 'done', pod: { note: ' ' } }, 'x', 1)).not.toHaveProperty('pod');
  });

  it('reads the phone clock to the second', () => {
    expect(minutesOfDay(new Date(2026, 10, 21, 10, 42, 30))).toBe(642.5);
  });

  it('builds tel:, geo: and map links from the stop', () => {
    expect(telLink('+33 4 80 21 41 55')).toBe('tel:+33480214155');
    expect(telLink('—')).toBeNull();
    expect(geoLink({ lat: 45.764241234, lng: 4.82527, address: 'Rue (A), Lyon' })).toBe(`geo:45.764241,4.82527?q=${encodeURIComponent('45.764241,4.82527(Rue  A , Lyon)')}`);
    expect(googleMapsLink(a)).toBe(`https://www.google.com/maps/dir/?api=1&destination=${a.lat},${a.lng}`);
    expect(appleMapsLink(a)).toBe(`https://maps.apple.com/?daddr=${a.lat},${a.lng}`);
  });
});
