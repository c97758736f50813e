// Diagnosis of repair vs baseline at-risk counts (issue #11; not part of any suite): per case of a
// seeded day (rich set ORDERS=300, SEED, TIMES=600,720,840), the at-risk items of the baseline and of
// repair variants by kind (margin / past / route margin (routeM) / …, * = frozen stop), unassigned
// orders, objective, search steps. VARIANTS: base (from scratch), full (the repair), nowarm, nostab,
// nomargin (one ingredient left out). LIMIT seconds per solve, or MOVES a fixed move budget;
// WASM=path solves on that build with LIMIT in CPU seconds (comparable on a loaded machine).
// The dispatched plan of each seed is cached in /tmp/slotdiag. Example:
//   WASM=solver-as/build/release.wasm SEED=2 VARIANTS=base,full npx tsx tests/bench/repair-diagnose.ts
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import type { DayRecord } from '../../web/src/domain/day/day-schema';
import { buildRepairProblem } from '../../web/src/domain/day/repair-problem';
import type { Scenario } from '../../web/src/domain/scenario';
import type { Solution } from '../../web/src/domain/solution';
import { marginOptions, repairContext, solverStabilityCost, DEFAULT_STABILITY } from '../../web/src/plan/repair';
import { assembleSolverRoutes, currentRoutes } from '../../web/src/plan/repair-candidate';
import { scoreCandidate, type RepairContext } from '../../web/src/plan/repair-score';
import type { DayPrediction } from '../../web/src/domain/day/eta';
import type { MarginShaping } from '../../web/src/domain/day/repair-margin';
import { validateScenario } from '../../web/src/domain/validate';
import { simulateDayEvents } from './repair-events';
import { nodeRepairSolve } from './repair-solve';
import { generateRichScenario } from './rich-generate';
import { cpuRepairSolve } from './repair-cpu-solve';

const solve = process.env.WASM ? cpuRepairSolve(process.env.WASM) : nodeRepairSolve('release');
const planSolve = nodeRepairSolve('release');
const ORDERS = Number(process.env.ORDERS ?? 300);
const SEED = Number(process.env.SEED ?? 1);
const TIMES = (process.env.TIMES ?? '600,720,840').split(',').map(Number);
const LIMIT = Number(process.env.LIMIT ?? 0.9);
const MOVES = process.env.MOVES ? Number(process.env.MOVES) : undefined;
const VARIANTS = (process.env.VARIANTS ?? 'base,full,nowarm,nostab,nomargin').split(',');

/** MCOST=x: the margin's cost per minute; UNSHAPE_AT_RISK=1: the stops at risk now keep their whole window (the old rule). */
const MCOST = process.env.MCOST ? Number(process.env.MCOST) : undefined;
function tuned(ctx: RepairContext): { margin: MarginShaping; unshaped?: string[] } {
  const m = marginOptions(ctx);
  const margin = MCOST === undefined ? m.margin : { ...m.margin, costPerMinute: MCOST };
  const unshaped = process.env.UNSHAPE_AT_RISK ? ctx.prediction.atRisk.flatMap((r) => (r.orderId ? [r.orderId] : [])) : [];
  return { margin, unshaped };
}

function kind(reason: string): string {
  if (reason.includes('unavailable')) return 'unavail';
  if (reason.includes('predicted back')) return reason.includes('within') ? 'routeM' : 'routeX';
  if (reason.includes('closes')) return 'past';
  if (reason.includes('allowed')) return 'allowM';
  return 'margin';
}

function summary(ctx: RepairContext, p: DayPrediction): string {
  const frozen = new Set(ctx.starts.flatMap((s) => s.frozen.map((x) => x.id)));
  const out: Record<string, number> = {};
  for (const r of p.atRisk) {
    const k = kind(r.reason) + (r.orderId && frozen.has(r.orderId) ? '*' : '');
    out[k] = (out[k] ?? 0) + 1;
  }
  return `risk ${String(p.atRisk.length).padStart(3)} ` + Object.entries(out).sort().map(([k, v]) => `${k}:${v}`).join(' ');
}

async function variant(ctx: RepairContext, s: Scenario, name: string, level: 'keep-vehicle' | 'free'): Promise<string> {
  const flags = { warm: name !== 'nowarm', stab: name !== 'nostab', margin: name !== 'nomargin' };
  const base = name === 'base';
  const problem = buildRepairProblem(s, ctx.state, ctx.prediction, ctx.starts, {
    keepVehicle: !base && level === 'keep-vehicle', exclude: ctx.exclude, ...(flags.margin && !base ? tuned(ctx) : {}),
  });
  const t0 = performance.now();
  const sol = await solve(problem.scenario, {
    timeLimitS: LIMIT, seed: 1, pins: problem.pins, ...(MOVES ? { maxMoves: MOVES } : {}),
    ...(flags.stab && !base ? { stability: { home: problem.home, costPerStop: solverStabilityCost(problem.scenario, DEFAULT_STABILITY.movedCost) } } : {}),
    ...(flags.warm && !base ? { initialRoutes: problem.initial } : {}), explain: false,
  });
  const ms = performance.now() - t0;
  const scored = scoreCandidate(ctx, assembleSolverRoutes(ctx, problem, sol));
  const before = scoreCandidate(ctx, currentRoutes(ctx));
  const best = !base && before.objective <= scored.objective ? before : scored;
  return `${summary(ctx, best.prediction).padEnd(60)} unas ${String(best.unassigned.length).padStart(3)} obj ${(best.objective / 1000).toFixed(1).padStart(8)}k solverObj ${(scored.objective / 1000).toFixed(1)}k moved ${best.moved} it ${sol.stats.iterations} ${sol.stopReason} ${Math.round(ms)}ms cpu ${sol.stats.elapsedMs}`;
}

async function main(): Promise<void> {
  let s: Scenario;
  if (ORDERS === 80) {
    const read = validateScenario(JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')));
    if (!read.ok) throw new Error('demo');
    s = read.scenario;
  } else s = generateRichScenario({ orders: ORDERS, seed: SEED });
  mkdirSync('/tmp/slotdiag', { recursive: true });
  const cache = `/tmp/slotdiag/plan-${ORDERS}-${SEED}.json`;
  let plan: Pick<Solution, 'routes' | 'unassigned'>;
  if (existsSync(cache)) plan = JSON.parse(readFileSync(cache, 'utf8'));
  else {
    plan = await planSolve(s, { timeLimitS: ORDERS >= 1000 ? 20 : ORDERS === 80 ? 3 : 5, seed: 1 }) as never;
    writeFileSync(cache, JSON.stringify({ routes: plan.routes, unassigned: plan.unassigned }));
  }
  for (const [i, now] of TIMES.entries()) {
    const events = simulateDayEvents(s, plan.routes, { seed: i + 1 + (SEED - 1) * 10, nowMinutes: now, delayMinutes: 45, newOrders: 2, breakdown: now === 720 });
    const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events };
    const ctx = repairContext(s, day, { nowS: now * 60 });
    console.log(`${now} before             ${summary(ctx, ctx.prediction)}`);
    for (const name of VARIANTS) {
      for (const level of name === 'base' ? ['free' as const] : (['keep-vehicle', 'free'] as const)) {
        console.log(`${now} ${(name + ' ' + (name === 'base' ? '' : level)).padEnd(18)} ${await variant(ctx, s, name, level)}`);
      }
    }
  }
}

main().catch((e: Error) => { console.error(e.stack); process.exitCode = 1; });
