// The ETA window told to a customer: the predicted (or planned) start of service
// as a window around it, its centre rounded so that customers read round times.
import { formatDayMinutes } from '../format';

/** How wide the window is and how its centre is rounded (Settings). */
export interface EtaWindowOptions {
  /** Minutes either side of the expected time (default 15: a 30-minute window). */
  halfWidthMinutes: number;
  /** The centre is rounded to a multiple of this many minutes (default 5). */
  roundMinutes: number;
}

/** Defaults of EtaWindowOptions. */
export const DEFAULT_ETA_WINDOW: Readonly<EtaWindowOptions> = { halfWidthMinutes: 15, roundMinutes: 5 };

/** A window in minutes of the day. */
export interface MinuteWindow {
  start: number;
  end: number;
}

/**
 * The window around an expected start `startS` (seconds of the day). The start
 * is read to the whole minute as every panel shows it (10:07:50 is 10:07),
 * rounded to the nearest `roundMinutes` (halves up), then widened by
 * `halfWidthMinutes` each side; it never opens before midnight.
 */
export function etaWindow(startS: number, options: EtaWindowOptions = DEFAULT_ETA_WINDOW): MinuteWindow {
  const step = Math.max(1, Math.round(options.roundMinutes));
  const minute = Math.floor(startS / 60);
  const centre = Math.round(minute / step) * step;
  const half = Math.max(0, Math.round(options.halfWidthMinutes));
  return { start: Math.max(0, centre - half), end: centre + half };
}

/** "between 10:25 and 10:55" (a single time when the window has no width). */
export function windowPhrase(w: MinuteWindow): string {
  return w.start === w.end ? `at ${formatDayMinutes(w.start)}` : `between ${formatDayMinutes(w.start)} and ${formatDayMinutes(w.end)}`;
}

/** Promised windows as a phrase: "between 08:00 and 10:00 or between 15:00 and 17:00"; none = any time. */
export function windowsPhrase(windows: readonly MinuteWindow[]): string {
  return windows.length === 0 ? 'at any time of the day' : windows.map(windowPhrase).join(' or ');
}
