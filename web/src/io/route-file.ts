// The route file of a driver hand-off (issue #13): downloaded, or handed to the
// phone's or laptop's share sheet (Web Share with files) where the browser can.
import type { DriverRoute } from '../domain/handoff/driver-route';
import { downloadText, MIME } from './download';
import { routeFileName, routeFileText } from './handoff';

/** The route file as a File (for the share sheet). */
export function routeFile(route: DriverRoute): File {
  return new File([routeFileText(route)], routeFileName(route), { type: MIME.json });
}

/** Starts the download of `<vehicle>-route.fmp-route.json`. */
export function downloadRouteFile(route: DriverRoute): void {
  downloadText(routeFileName(route), MIME.json, routeFileText(route));
}

/** True when the browser's share sheet takes the route file. */
export function canShareRouteFile(route: DriverRoute): boolean {
  try {
    return typeof navigator.canShare === 'function' && typeof navigator.share === 'function' && navigator.canShare({ files: [routeFile(route)] });
  } catch {
    return false;
  }
}

/** Opens the share sheet with the route file: `shared`, `cancelled` by the user, or `failed` (with the browser's reason). */
export async function shareRouteFile(route: DriverRoute): Promise<{ outcome: 'shared' | 'cancelled' } | { outcome: 'failed'; message: string }> {
  try {
    await navigator.share({ files: [routeFile(route)], title: `Route of ${route.vehicle.name}` });
    return { outcome: 'shared' };
  } catch (err) {
    if ((err as Error).name === 'AbortError') return { outcome: 'cancelled' };
    return { outcome: 'failed', message: (err as Error).message || String(err) };
  }
}
