// The driver view's state (issue #13): the route open on the phone, its log of the
// driver's events and the routes kept, loaded from and written to the phone's
// IndexedDB (io/driver-db.ts). Independent of the planner's stores and the solver.
import { createStore } from 'solid-js/store';
import type { PodMedia } from '../domain/day/events';
import { makeDriverEvent, minutesOfDay, type DriverEvent, type DriverReport } from '../domain/driver/driver-log';
import { eventsOnlyText, hhmm, referencedMedia, buildStatusFile } from '../domain/driver/status-file';
import type { DriverRoute, DriverStop } from '../domain/handoff/driver-route';
import { safeFileName } from '../io/download';
import { makeDriverDb, type DriverDb } from '../io/driver-db';
import { decodeRoute, driverPayload, readRouteFile, type RouteReadResult } from '../io/handoff';
import { newId } from '../io/pod-capture';


/** What the driver view shows. */
export interface DriverState {
  phase: 'loading' | 'ready' | 'empty';
  route: DriverRoute | null;
  log: DriverEvent[];
  /** Route ids kept on the phone, the last opened first. */
  saved: string[];
  /** A problem to show (a damaged link or file, storage trouble); '' when none. */
  message: string;
}

/** The status file ready to hand over. */
export interface StatusHandout {
  text: string;
  fileName: string;
  /** The events alone, compact, for a QR code. */
  qrText: string;
  /** Media the events name that the phone no longer has. */
  missing: string[];
}

/** Actions of the driver view. */
export interface DriverActions {
  /** Opens the route of a `#driver=…` fragment (or, with none, the route opened last). */
  start(hash: string): Promise<void>;
  /** Opens a route file's text. */
  openFile(text: string): Promise<void>;
  /** Opens a route kept on the phone. */
  openSaved(routeId: string): Promise<void>;
  /** Records the driver's report about a stop, with its media; false (and a message) when it could not be stored. */
  report(stop: DriverStop, report: DriverReport, media: PodMedia[]): Promise<boolean>;
  /** Builds the status file of the open route. */
  statusFile(now?: Date): Promise<StatusHandout>;
  /** From now on the app opens on the planner (until a driver link is opened again). */
  switchToPlanner(): Promise<void>;
}

/** What a storage failure means to the driver; a full phone is told apart (nothing was saved). */
function failureText(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return "The phone's storage is full: this was not saved. Send status, then free some space.";
  }
  return error instanceof Error ? error.message : String(error);
}

/** Creates the driver store over `db` (the phone's database by default). */
export function createDriverStore(db: DriverDb = makeDriverDb()): [DriverState, DriverActions] {
  const [state, setState] = createStore<DriverState>({ phase: 'loading', route: null, log: [], saved: [], message: '' });

  const fail = (error: unknown) => setState({ message: failureText(error) });

  async function show(routeId: string | undefined): Promise<void> {
    const route = routeId ? await db.readRoute(routeId) : undefined;
    const log = route ? await db.readLog(route.routeId) : [];
    const meta = await db.readMeta();
    setState({ route: route ?? null, log, saved: meta.routes, phase: route ? 'ready' : 'empty' });
  }

  async function receive(read: RouteReadResult): Promise<void> {
    if (!read.ok) {
      setState({ message: read.message });
      // Keep the open route; on a fresh start, the one opened last.
      if (!state.route) await show((await db.readMeta()).routes[0]);
      return;
    }
    await db.saveRoute(read.route);
    setState({ message: '' });
    await show(read.route.routeId);
  }

  const guarded = <A extends unknown[]>(run: (...args: A) => Promise<void>) => async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      fail(error);
      if (state.phase === 'loading') setState({ phase: 'empty' });
    }
  };

  const actions: DriverActions = {
    start: guarded(async (hash: string) => {
      const payload = driverPayload(hash);
      if (payload) await receive(await decodeRoute(payload));
      else await show((await db.readMeta()).routes[0]);
    }),
    openFile: guarded(async (text: string) => receive(readRouteFile(text))),
    openSaved: guarded(async (routeId: string) => show(routeId)),
    async report(stop: DriverStop, report: DriverReport, media: PodMedia[]) {
      const route = state.route;
      if (!route) return false;
      const event = makeDriverEvent(stop, report, newId('drv'), minutesOfDay(new Date()));
      try {
        await db.appendEvent(route.routeId, event, media);
      } catch (error) {
        fail(error);
        return false;
      }
      setState({ log: [...state.log, event], message: '' });
      return true;
    },
    async statusFile(now = new Date()) {
      const route = state.route;
      if (!route) throw new Error('No route is open.');
      const log = [...state.log];
      const media = await db.readMedia(referencedMedia(log));
      const { file, missing } = buildStatusFile(log, media);
      const fileName = `${safeFileName(route.vehicle.id)}-status-${hhmm(minutesOfDay(now))}.json`;
      return { text: JSON.stringify(file, null, 1), fileName, qrText: eventsOnlyText(log), missing };
    },
    async switchToPlanner() {
      await db.setMode('planner');
    },
  };
  return [state, actions];
}
