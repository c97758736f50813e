// The driver's status file: an events file the dispatcher's parser reads against the
// scenario, ids stable across builds, each named media item listed once.
import { describe, expect, it } from 'vitest';
import { parseEventsFile } from '../../../../web/src/domain/day/events-file';
import type { PodMedia } from '../../../../web/src/domain/day/events';
import { makeDriverEvent, type DriverEvent } from '../../../../web/src/domain/driver/driver-log';
import { buildStatusFile, eventsOnlyText, hhmm, referencedMedia, statusFileText } from '../../../../web/src/domain/driver/status-file';
import { demoDriverRoute, demoScenario } from '../../../fixtures/driver-route';

const route = demoDriverRoute(3);
const [first, second] = route.stops;
const png: PodMedia = { id: 'signature-1', type: 'image/png', data: 'iVBORw0KGgo=' };
const jpeg: PodMedia = { id: 'photo-1', type: 'image/jpeg', data: '/9j/4AAQ' };
const media = new Map([[png.id, png], [jpeg.id, jpeg]]);

/** Arrived and done at the first stop; failed, then corrected to done, at the second (reusing the photo). */
function log(): DriverEvent[] {
  return [
    makeDriverEvent(first, { type: 'arrived' }, 'drv-a', 500.5),
    makeDriverEvent(first, { type: 'done', pod: { recipient: ' Hugo ', note: 'at the door', signature: png.id, photos: [jpeg.id], lat: 45.76, lng: 4.82, accuracyM: 12 } }, 'drv-b', 505),
    makeDriverEvent(second, { type: 'failed', reason: 'not-home', pod: { note: '', photos: [jpeg.id] } }, 'drv-c', 530),
    makeDriverEvent(second, { type: 'done', pod: { photos: [jpeg.id], signature: png.id } }, 'drv-d', 541),
  ];
}

describe('driver status file', () => {
  it('lists every named media item once, in order of first mention', () => {
    expect(referencedMedia(log())).toEqual([png.id, jpeg.id]);
    const { file, missing } = buildStatusFile(log(), media);
    expect(file.media?.map((m) => m.id)).toEqual([png.id, jpeg.id]);
    expect(missing).toEqual([]);
  });

  it('gives the same ids and text on every build (importing it twice adds nothing twice)', () => {
    const a = statusFileText(log(), media);
    const b = statusFileText(log(), media);
    expect(a).toBe(b);
    expect((JSON.parse(a) as { events: { id: string }[] }).events.map((e) => e.id)).toEqual(['drv-a', 'drv-b', 'drv-c', 'drv-d']);
  });

  it("is read by the dispatcher's events-file parser against the demo scenario, POD and media intact", () => {
    const parsed = parseEventsFile(statusFileText(log(), media), demoScenario());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.events.map((e) => `${e.type}:${e.id}`)).toEqual(['arrived:drv-a', 'done:drv-b', 'failed:drv-c', 'done:drv-d']);
    expect(parsed.events[0].at).toBeCloseTo(500.5, 6);
    expect(parsed.events[1]).toMatchObject({ order: first.order, pod: { recipient: 'Hugo', note: 'at the door', signature: png.id, photos: [jpeg.id], lat: 45.76, lng: 4.82, accuracyM: 12 } });
    expect(parsed.events[2]).toMatchObject({ reason: 'not-home', pod: { photos: [jpeg.id] } });
    expect(parsed.events[2]).not.toHaveProperty('pod.note');
    expect(parsed.media).toEqual([png, jpeg]);
  });

  it('names media the phone no longer has, and leaves them out', () => {
    const { file, missing } = buildStatusFile(log(), new Map([[jpeg.id, jpeg]]));
    expect(missing).toEqual([png.id]);
    expect(file.media).toEqual([jpeg]);
  });

  it('has no media list when no event names one; the QR text is the events alone, compact', () => {
    const plain = [makeDriverEvent(first, { type: 'arrived' }, 'drv-x', 480)];
    expect(buildStatusFile(plain, media).file).not.toHaveProperty('media');
    const qr = eventsOnlyText(log());
    expect(qr).not.toMatch(/\s"|data/);
    expect(JSON.parse(qr)).not.toHaveProperty('media');
    expect(JSON.parse(qr).events).toEqual(buildStatusFile(log(), media).file.events);
    expect(parseEventsFile(qr, demoScenario()).ok).toBe(true);
  });

  it('writes HHMM for the file name', () => {
    expect(hhmm(9 * 60 + 5.9)).toBe('0905');
    expect(hhmm(23 * 60 + 59)).toBe('2359');
  });
});
