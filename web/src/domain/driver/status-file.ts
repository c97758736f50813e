// The driver's status file (issue #13): an events file of the phone's events
// plus the media their proofs of delivery name, each listed once. The ids come
// from the log, so building it again gives the same ids (idempotent imports).
import { EVENTS_FILE_TYPE, EVENTS_FILE_VERSION } from '../day/event-schema';
import { formatDayTime, type PodMedia } from '../day/events';
import type { DriverEvent } from './driver-log';

/** The status file as written. */
export interface StatusFile {
  type: typeof EVENTS_FILE_TYPE;
  version: typeof EVENTS_FILE_VERSION;
  events: Record<string, unknown>[];
  media?: PodMedia[];
}

/** An event as the file writes it: `at` as HH:MM (HH:MM:SS with seconds). */
function fileEvent(e: DriverEvent): Record<string, unknown> {
  const { type, id, at, ...rest } = e;
  return { type, id, at: formatDayTime(at), ...rest };
}

/** Media ids the events name, in order of first mention, each once. */
export function referencedMedia(events: readonly DriverEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type === 'arrived' || !e.pod) continue;
    if (e.pod.signature) ids.add(e.pod.signature);
    for (const photo of e.pod.photos ?? []) ids.add(photo);
  }
  return [...ids];
}

/**
 * The status file of `events` with the media they name (looked up in `media`), each once;
 * `missing` lists named media the phone does not have (the file is still valid without them).
 */
export function buildStatusFile(events: readonly DriverEvent[], media: ReadonlyMap<string, PodMedia>): { file: StatusFile; missing: string[] } {
  const wanted = referencedMedia(events);
  const found = wanted.flatMap((id) => (media.has(id) ? [media.get(id)!] : []));
  const missing = wanted.filter((id) => !media.has(id));
  const file: StatusFile = { type: EVENTS_FILE_TYPE, version: EVENTS_FILE_VERSION, events: events.map(fileEvent) };
  if (found.length) file.media = found;
  return { file, missing };
}

/** The status file's text (what is shared or downloaded). */
export function statusFileText(events: readonly DriverEvent[], media: ReadonlyMap<string, PodMedia>): string {
  return JSON.stringify(buildStatusFile(events, media).file, null, 1);
}

/** The events alone, as a compact events file (no media, no spaces): what a QR code carries. */
export function eventsOnlyText(events: readonly DriverEvent[]): string {
  return JSON.stringify({ type: EVENTS_FILE_TYPE, version: EVENTS_FILE_VERSION, events: events.map(fileEvent) });
}

/** "0942" of minutes of the day, for the file name. */
export function hhmm(at: number): string {
  const total = Math.floor(at) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}${String(total % 60).padStart(2, '0')}`;
}
