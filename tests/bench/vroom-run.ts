// Solves a VROOM problem (.json) end to end in Node: import as a scenario
// (web/src/io/vroom-import.ts), solve through the worker API with no Worker,
// re-check with the domain checker and export the plan in VROOM's solution shape.
import { checkSolution, type CheckReport } from '../../web/src/domain/check';
import type { Scenario } from '../../web/src/domain/scenario';
import { exportVroomSolution, importVroomProblem, type VroomNote, type VroomSolution } from '../../web/src/io/vroom';
import { createSolverApi } from '../../workers/solver-api';
import { releaseModule } from './run-solver';

export interface VroomRunOptions {
  timeLimitS: number;
  seed: number;
  /** Planned day for the scenario (VROOM has none). */
  date?: string;
  /** Compiled solver; default solver-as/build/release.wasm. */
  loadModule?: () => Promise<WebAssembly.Module>;
}

/** The one-line summary the CLI writes on stderr. */
export interface VroomRunSummary {
  problem: string;
  routes: number;
  /** Recomputed by the checker (route costs, soft costs included). */
  cost: number;
  /** Unassigned VROOM tasks (a shipment counts its pickup and its delivery). */
  unassigned: number;
  seconds: number;
  feasible: boolean;
}

export type VroomRun =
  | { ok: false; errors: VroomNote[]; warnings: VroomNote[] }
  | { ok: true; warnings: VroomNote[]; scenario: Scenario; solution: VroomSolution; check: CheckReport; summary: VroomRunSummary };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Parses JSON text; a syntax error becomes a note naming the file, line and column. */
export function parseVroomText(text: string, fileName: string): { ok: true; data: unknown } | { ok: false; error: VroomNote } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = /line \d+/.test(message) || !position ? '' : ` (${lineColumn(text, Number(position[1]))})`;
    return { ok: false, error: { path: fileName, message: `not valid JSON: ${message}${where}` } };
  }
}

/** Imports, solves, checks and exports one VROOM problem. */
export async function runVroomProblem(data: unknown, name: string, options: VroomRunOptions): Promise<VroomRun> {
  const imported = importVroomProblem(data, { id: name, name, ...(options.date ? { date: options.date } : {}) });
  if (!imported.ok) return imported;
  const scenario = imported.scenario;
  const api = createSolverApi(options.loadModule ?? releaseModule);
  const started = performance.now();
  const { solution } = await api.solve({ runId: 1, scenario, options: { timeLimitS: options.timeLimitS, seed: options.seed } });
  const seconds = (performance.now() - started) / 1000;
  const check = checkSolution(scenario, solution);
  const vroom = exportVroomSolution(scenario, solution);
  const summary: VroomRunSummary = {
    problem: name, routes: vroom.summary.routes, cost: Math.round(check.cost * 100) / 100,
    unassigned: vroom.summary.unassigned, seconds: Number(seconds.toFixed(2)), feasible: check.ok,
  };
  return { ok: true, warnings: imported.warnings, scenario, solution: vroom, check, summary };
}

/** What the CLI prints: stdout text, stderr lines and its exit code (0 ok, 1 checker violations, 2 bad input). */
export interface VroomCliOutput {
  stdout: string;
  stderr: string[];
  code: 0 | 1 | 2;
}

/** Runs a VROOM file's text the way `npm run solve -- problem.json` does, without touching the process. */
export async function vroomCli(text: string, fileName: string, options: VroomRunOptions): Promise<VroomCliOutput> {
  const note = (kind: string, n: VroomNote) => `${kind}: ${n.path}: ${n.message}`;
  const parsed = parseVroomText(text, fileName);
  if (!parsed.ok) return { stdout: '', stderr: [note('error', parsed.error)], code: 2 };
  const run = await runVroomProblem(parsed.data, fileName.replace(/\.json$/i, ''), options);
  const warnings = run.warnings.map((w) => note('warning', w));
  if (!run.ok) return { stdout: '', stderr: [...warnings, ...run.errors.map((e) => note('error', e))], code: 2 };
  const stderr = [...warnings, JSON.stringify(run.summary)];
  if (!run.check.ok) {
    const shown = run.check.violations.slice(0, 20).map((v) => `  ${v.rule}: ${v.message}`);
    const more = run.check.violations.length > 20 ? [`  … and ${run.check.violations.length - 20} more`] : [];
    stderr.push(`checker: the plan is not valid (${run.check.violations.length} violations):`, ...shown, ...more);
  }
  return { stdout: `${JSON.stringify(run.solution, null, 1)}\n`, stderr, code: run.check.ok ? 0 : 1 };
}
