// TEMPORARY until branch `repair` lands: the shapes of web/src/plan/repair.ts
// (repair-api.md) the day store needs. Replaced by imports from '../plan/repair'.
import type { AcceptedRoute } from '../domain/day/events';

export type RepairLevel = 'keep-order' | 'keep-vehicle' | 'free';
export const REPAIR_LEVELS: readonly RepairLevel[] = ['keep-order', 'keep-vehicle', 'free'];

export interface RepairDiff {
  moved: { orderId: string; key: string; from: string | null; to: string | null }[];
  resequenced: string[];
  etas: { key: string; beforeS: number | null; afterS: number | null }[];
  nowOnTime: string[];
  nowLate: string[];
  costBefore: number;
  costAfter: number;
  atRiskBefore: number;
  atRiskAfter: number;
  unassignedBefore: string[];
  unassignedAfter: string[];
}

export interface RepairProposal {
  level: RepairLevel;
  atS: number;
  routes: AcceptedRoute[];
  diff: RepairDiff;
  source: 'current' | 'solver';
  objectiveBefore: number;
  objectiveAfter: number;
}
