// The solver worker's boundary (issue #15): the solver API with every plan that crosses to or from the
// main thread as text in parts (domain/plan-text.ts). The solve itself is solver-api.ts, unchanged; writing the
// text costs this worker a few milliseconds per best-so-far plan (at most one a second) and the result. A risk
// estimate goes out with its stops as columns (domain/risk/risk-wire.ts).
import { fromPlanText, toPlanText } from '../web/src/domain/plan-text';
import { TextPieces } from '../web/src/io/text-pieces';
import { reportToWire, riskToWire } from '../web/src/domain/risk/risk-wire';
import type { ModelRiskRequest, Progress, RiskRequest, SentText, SolverApi, SolverWorkerApi, UncheckedSolution } from './protocol';

/** Wraps `api` for Comlink: progress plans and results go out as PlanText, an explained plan comes in as one. */
export function wireSolverApi(api: SolverApi): SolverWorkerApi {
  // Large requests come as text in pieces, one per task of the page (io/text-pieces.ts), then a call names them.
  const texts = new TextPieces();
  const request = (posted: RiskRequest | ModelRiskRequest | string | SentText) => texts.resolve(posted);
  return {
    async solve(request, onProgress, onEpoch) {
      const progress = onProgress && ((p: Progress) => onProgress({ ...p, plan: p.plan && toPlanText(p.plan) }));
      const result = await api.solve({ ...request, scenario: texts.resolve(request.scenario) }, progress, onEpoch);
      return { ...result, solution: toPlanText(result.solution) };
    },
    cancel: (runId) => api.cancel(runId),
    explain: (request) => api.explain({ ...request, scenario: texts.resolve(request.scenario), solution: fromPlanText<UncheckedSolution>(request.solution) }),
    textPart: (key, parts) => texts.add(key, parts),
    computeRisk: async (posted) => riskToWire(await api.computeRisk(request(posted))),
    computeRiskReport: async (posted) => reportToWire(await api.computeRiskReport(request(posted))),
  };
}
