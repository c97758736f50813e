// The phone's own log of one route: the driver's arrived / done / failed events,
// append-only. A stop's status is its latest event; a later done or failed
// corrects an earlier one (both stay in the log and in the status file).
import type { ArrivedEvent, DoneEvent, FailedEvent, FailReason, ProofOfDelivery } from '../day/events';
import type { DriverRoute, DriverStop } from '../handoff/driver-route';

/** An event the driver view writes. */
export type DriverEvent = ArrivedEvent | DoneEvent | FailedEvent;

/** Where a stop stands on the phone. */
export type DriverStopStatus = 'planned' | 'arrived' | 'done' | 'failed';

/** A stop's status, its latest event and how many done/failed events it has (more than one: corrected). */
export interface StopProgress {
  status: DriverStopStatus;
  last?: DriverEvent;
  outcomes: number;
}

/** True when `e` is about this stop (same order, same side of a shipment). */
export function isEventOf(e: DriverEvent, stop: Pick<DriverStop, 'order' | 'side'>): boolean {
  return e.order === stop.order && (e.stop ?? null) === (stop.side ?? null);
}

/** The stop's status from the log: its latest event decides. */
export function stopProgress(log: readonly DriverEvent[], stop: Pick<DriverStop, 'order' | 'side'>): StopProgress {
  let last: DriverEvent | undefined;
  let outcomes = 0;
  for (const e of log) {
    if (!isEventOf(e, stop)) continue;
    last = e;
    if (e.type !== 'arrived') outcomes += 1;
  }
  return { status: last?.type ?? 'planned', last, outcomes };
}

/** How many stops of the route are done or failed. */
export function finishedCount(route: DriverRoute, log: readonly DriverEvent[]): number {
  return route.stops.filter((stop) => {
    const { status } = stopProgress(log, stop);
    return status === 'done' || status === 'failed';
  }).length;
}

/** A phone clock reading → minutes of the day, to the second. */
export function minutesOfDay(now: Date): number {
  return now.getHours() * 60 + now.getMinutes() + now.getSeconds() / 60;
}

/** A proof of delivery without its empty parts (blank texts, no photos); undefined when nothing is left. */
export function cleanPod(pod: ProofOfDelivery): ProofOfDelivery | undefined {
  const out: ProofOfDelivery = {};
  const recipient = pod.recipient?.trim();
  const note = pod.note?.trim();
  if (recipient) out.recipient = recipient;
  if (note) out.note = note;
  if (pod.signature) out.signature = pod.signature;
  if (pod.photos?.length) out.photos = [...pod.photos];
  if (pod.lat !== undefined && pod.lng !== undefined) {
    out.lat = pod.lat;
    out.lng = pod.lng;
    if (pod.accuracyM !== undefined) out.accuracyM = pod.accuracyM;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What the driver reports for a stop. */
export type DriverReport =
  | { type: 'arrived' }
  | { type: 'done'; pod: ProofOfDelivery }
  | { type: 'failed'; reason: FailReason; pod: ProofOfDelivery };

/** The event of a report about `stop`, with its (already chosen, stable) id and time. */
export function makeDriverEvent(stop: Pick<DriverStop, 'order' | 'side'>, report: DriverReport, id: string, at: number): DriverEvent {
  const base = { id, at, order: stop.order, ...(stop.side ? { stop: stop.side } : {}) };
  if (report.type === 'arrived') return { type: 'arrived', ...base };
  const pod = cleanPod(report.pod);
  const withPod = pod ? { pod } : {};
  return report.type === 'done' ? { type: 'done', ...base, ...withPod } : { type: 'failed', ...base, reason: report.reason, ...withPod };
}
