// The robust-planning part of `npm run bench:risk` (issue #14): rich sets planned at on-time targets
// 0 / 80 / 90 / 95 % under each slack rule of web/src/domain/risk/robust.ts, every plan re-checked
// by the domain checker with the mean times and its risk simulated by the WASM Monte Carlo (same
// seed and samples for every plan). Each solve has a fixed move budget, so the table is reproducible.
import { checkSolution } from '../../web/src/domain/check';
import type { RobustRule } from '../../web/src/domain/risk/robust';
import type { PlanRisk } from '../../web/src/domain/risk/risk-types';
import { createSolverApi } from '../../workers/solver-api';
import { generateRichScenario } from './rich-generate';
import { solverModule } from './repair-solve';

export const ROBUST_TARGETS = [0, 80, 90, 95];
export const ROBUST_RULES: RobustRule[] = ['leg', 'prefix', 'prefix-travel', 'route'];

export interface RobustOptions {
  orders: number[];
  seeds: number[];
  moves: number;
  samples: number;
}

interface RobustRow {
  set: string;
  rule: RobustRule | '—';
  target: number;
  cost: number;
  km: number;
  vehicles: number;
  unassigned: number;
  /** Mean over planned stops of the simulated on-time probability. */
  onTime: number;
  /** Share of planned stops whose on-time probability reaches the target (target 0: 90 %). */
  meeting: number;
  expectedLate: number;
  violations: number;
  seconds: number;
}

/** Mean on-time probability of the planned stops and the share of them at or above `target`. */
export function onTimeFigures(risk: PlanRisk, target: number): { onTime: number; meeting: number } {
  const n = Math.max(1, risk.stops.length);
  return {
    onTime: risk.stops.reduce((a, s) => a + s.pOnTime, 0) / n,
    meeting: risk.stops.filter((s) => s.pOnTime >= target - 1e-9).length / n,
  };
}

async function row(orders: number, seed: number, target: number, rule: RobustRule, options: RobustOptions): Promise<RobustRow> {
  const api = createSolverApi(() => solverModule('release'));
  const scenario = generateRichScenario({ orders, seed });
  if (target > 0) scenario.settings.onTimeTarget = target;
  const t0 = performance.now();
  const { solution } = await api.solve({ runId: 1, scenario, options: { timeLimitS: 3600, seed, maxMoves: options.moves, explain: false, robustRule: rule } });
  const seconds = (performance.now() - t0) / 1000;
  const risk = await api.computeRisk({ scenario, plan: solution, options: { samples: options.samples, seed } });
  const { onTime, meeting } = onTimeFigures(risk, (target || 90) / 100);
  return {
    set: `rich-${orders} s${seed}`, rule: target > 0 ? rule : '—', target, cost: solution.summary.cost, km: solution.summary.distanceM / 1000,
    vehicles: solution.routes.length, unassigned: solution.unassigned.length, onTime, meeting, expectedLate: risk.expectedLateStops,
    violations: checkSolution(scenario, solution).violations.length, seconds,
  };
}

/** Runs every set × target × rule (target 0 once per set) and returns the Markdown table. */
export async function robustTable(options: RobustOptions): Promise<string> {
  const lines = [
    '| set | rule | target % | cost | km | vehicles | unassigned | on-time share | stops ≥ target | expected late stops | late + unassigned | checker violations | solve s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const orders of options.orders) {
    for (const seed of options.seeds) {
      for (const target of ROBUST_TARGETS) {
        for (const rule of target === 0 ? ROBUST_RULES.slice(0, 1) : ROBUST_RULES) {
          const r = await row(orders, seed, target, rule, options);
          console.error(`${r.set} ${r.rule} ${target} %: cost ${r.cost.toFixed(0)}, on time ${(r.onTime * 100).toFixed(1)} %`);
          lines.push(`| ${r.set} | ${r.rule} | ${target} | ${r.cost.toFixed(0)} | ${r.km.toFixed(0)} | ${r.vehicles} | ${r.unassigned} | ${(r.onTime * 100).toFixed(1)} % | ${(r.meeting * 100).toFixed(1)} % | ${r.expectedLate.toFixed(1)} | ${(r.expectedLate + r.unassigned).toFixed(1)} | ${r.violations} | ${r.seconds.toFixed(1)} |`);
        }
      }
    }
  }
  return lines.join('\n');
}
