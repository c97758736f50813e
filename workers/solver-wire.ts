// The solver worker's boundary (issue #15): the solver API with every plan that crosses to or from the
// main thread as text in parts (plan-wire.ts). The solve itself is solver-api.ts, unchanged; writing the
// text costs this worker a few milliseconds per best-so-far plan (at most one a second) and the result.
import { fromPlanWire, toPlanWire } from './plan-wire';
import type { Progress, SolverApi, SolverWorkerApi, UncheckedSolution } from './protocol';

/** Wraps `api` for Comlink: progress plans and results go out as PlanWire, an explained plan comes in as one. */
export function wireSolverApi(api: SolverApi): SolverWorkerApi {
  return {
    async solve(request, onProgress, onEpoch) {
      const progress = onProgress && ((p: Progress) => onProgress({ ...p, plan: p.plan && toPlanWire(p.plan) }));
      const result = await api.solve(request, progress, onEpoch);
      return { ...result, solution: toPlanWire(result.solution) };
    },
    cancel: (runId) => api.cancel(runId),
    explain: (request) => api.explain({ ...request, solution: fromPlanWire<UncheckedSolution>(request.solution) }),
    computeRisk: (request) => api.computeRisk(request),
    computeRiskReport: (request) => api.computeRiskReport(request),
  };
}
