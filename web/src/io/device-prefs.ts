// Preferences of this device, not of a scenario (they stay out of scenario files): how many solver
// workers Optimize runs. Kept in localStorage; a missing or unreadable value falls back to the default.

/** Most workers a solve may use (each is a WASM instance with its own copy of the problem). */
export const MAX_SOLVER_WORKERS = 16;
const KEY = 'fmp.solverWorkers';

/** The default: all cores but one (the main thread keeps one), at least one. */
export function defaultSolverWorkers(cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1): number {
  return Math.min(MAX_SOLVER_WORKERS, Math.max(1, Math.floor(cores) - 1));
}

/** A typed "Solver workers" value: the number, or why it is refused. */
export function parseSolverWorkers(text: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value)) return 'must be a whole number';
  if (value < 1 || value > MAX_SOLVER_WORKERS) return `must be between 1 and ${MAX_SOLVER_WORKERS}`;
  return value;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser: the default applies
  }
}

/** The device's "Solver workers" preference (the default when none is stored or it is invalid). */
export function readSolverWorkers(): number {
  const stored = storage()?.getItem(KEY);
  const parsed = stored == null ? NaN : parseSolverWorkers(stored);
  return typeof parsed === 'number' && !Number.isNaN(parsed) ? parsed : defaultSolverWorkers();
}

/** Stores the preference; throws when the browser refuses (the caller says so). */
export function writeSolverWorkers(workers: number): void {
  const result = parseSolverWorkers(String(workers));
  if (typeof result === 'string') throw new Error(`Solver workers ${result}`);
  storage()?.setItem(KEY, String(result));
}
