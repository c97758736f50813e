// The POD store: a driver's status file joins the day all or nothing — its media
// in their own store, its events in the log; the same file twice changes nothing
// the second time ("Nothing new") and stores its media once; a bad file or a
// failed media write adds nothing; media become object URLs, "not received" as null.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { PodMedia } from '../../../web/src/domain/day/events';
import { makePodMediaStore, type PodMediaStore } from '../../../web/src/io/pod-media';
import { createDayStore } from '../../../web/src/store/day';
import { createMediaUrls, createPodStore } from '../../../web/src/store/pod';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

let counter = 0;
const signature: PodMedia = { id: 'drv:v1:sig1', type: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64') };

/** A media store that counts how many items each put really stored. */
function countingMedia(inner: PodMediaStore = makePodMediaStore(`pod-store-${++counter}`)) {
  const added: number[] = [];
  const media: PodMediaStore = { ...inner, put: async (id, items) => { const n = await inner.put(id, items); added.push(n); return n; } };
  return { media, added };
}

function setup(media: PodMediaStore) {
  let dispose = () => {};
  const stores = createRoot((d) => {
    dispose = d;
    const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const day = createDayStore(scenario);
    return { scenario, day, pod: createPodStore(scenario, day, media) };
  });
  stores.day[2].set(480);
  stores.day[1].dispatch();
  return { ...stores, dispose };
}

const statusFile = (media: PodMedia[] = [signature]) => JSON.stringify({
  type: 'fmp-events', version: 1,
  events: [
    { id: 'drv:v1:1', type: 'done', order: 'o1', at: '08:40', pod: { recipient: 'Zoé <b>', note: 'left at the door', signature: signature.id, photos: ['drv:v1:photo-missing'], lat: 45.76, lng: 4.83 } },
    { id: 'drv:v1:2', type: 'failed', order: 'o2', at: '09:05', reason: 'not-home' },
  ],
  media,
});

describe('POD store: status import', () => {
  it('imports events and media; the same file again leaves the log unchanged and stores the media once', async () => {
    const { media, added } = countingMedia();
    const { day: [state], pod: [, actions], dispose } = setup(media);
    expect(await actions.importStatus(statusFile())).toBe(true);
    expect(state.day?.events.map((e) => e.id)).toEqual(['drv:v1:1', 'drv:v1:2']);
    expect(state.message).toEqual({ tone: 'info', text: 'Imported 2 events and 1 photo or signature.' });
    expect(state.derived?.state.stops.o1.leftByEventId).toBe('drv:v1:1');
    expect(state.derived?.state.unassigned).toContain('o2-R1');
    const logBefore = JSON.parse(JSON.stringify(state.day!.events));

    expect(await actions.importStatus(statusFile())).toBe(true);
    expect(state.day?.events).toEqual(logBefore);
    expect(state.message).toEqual({ tone: 'info', text: 'Nothing new: all 2 events are already in the log.' });
    expect(added).toEqual([1, 0]);
    expect((await media.list()).map((m) => m.media.id)).toEqual([signature.id]);
    dispose();
  });

  it('a bad file names the JSON path, and neither events nor media are added', async () => {
    const { media, added } = countingMedia();
    const { day: [state], pod: [, actions], dispose } = setup(media);
    const bad = statusFile([signature, { id: 'drv:v1:x', type: 'image/gif', data: 'AAAA' }]);
    expect(await actions.importStatus(bad)).toBe(false);
    expect(state.message?.tone).toBe('error');
    expect(state.message?.text).toMatch(/^The events file was not imported: media\[1\]\.type: must be one of image\/jpeg, image\/png, image\/webp\. Nothing was added\.$/);
    expect(state.day?.events).toEqual([]);
    expect(added).toEqual([]);
    expect(await media.list()).toEqual([]);
    dispose();
  });

  it('a media write that fails (disk full) adds no event', async () => {
    const full: PodMediaStore = { ...makePodMediaStore(`pod-store-${++counter}`), put: async () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const { day: [state], pod: [podState, actions], dispose } = setup(full);
    expect(await actions.importStatus(statusFile())).toBe(false);
    expect(state.message?.text).toBe('The status file was not imported: this browser has no room left for them: free some space. Nothing was added.');
    expect(state.day?.events).toEqual([]);
    expect(podState.busy).toBe(false);
    dispose();
  });

  it('an events file without media imports as before', async () => {
    const { media, added } = countingMedia();
    const { day: [state], pod: [, actions], dispose } = setup(media);
    const text = JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'done', order: 'o1', at: '08:40' }] });
    expect(await actions.importStatus(text)).toBe(true);
    expect(state.day?.events).toHaveLength(1);
    expect(state.message?.text).toBe('Imported 1 event.');
    expect(added).toEqual([]);
    dispose();
  });
});

describe('POD store: media URLs', () => {
  it('gives object URLs of stored media and null for media not received; looks again when media arrive', async () => {
    const { media } = countingMedia();
    const { pod, dispose } = setup(media);
    let urls!: ReturnType<typeof createMediaUrls>;
    const disposeUrls = createRoot((d) => {
      urls = createMediaUrls(pod, () => [signature.id, 'drv:v1:photo-missing']);
      return d;
    });
    await expect.poll(() => urls()).toBeDefined();
    expect(urls()!.get(signature.id)).toBeNull();
    await pod[1].importStatus(statusFile());
    await expect.poll(() => urls()?.get(signature.id)).toMatch(/^blob:/);
    expect(urls()!.get('drv:v1:photo-missing')).toBeNull();
    disposeUrls();
    dispose();
  });
});
