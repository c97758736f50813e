// When a waiting new version of the app may be installed. Installing reloads
// the page, so it waits while work lives only in the page: a solve in flight,
// the day's simulated clock playing, a repair being worked out.
import type { AppState } from './context';

/** Why the update must wait now (a sentence ending), or null when it may be installed. */
export function updateBlocker(app: Pick<AppState, 'run' | 'day'>): string | null {
  const [run] = app.run;
  const [day, , clock] = app.day;
  if (run.status === 'running') return 'the solve has finished';
  if (clock.playing()) return 'the day is paused';
  if (day.repairing) return 'the repair has been worked out';
  return null;
}
