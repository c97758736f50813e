// A plan as text in parts (issue #15): how a decoded plan crosses from a solver worker to the main thread
// and on to the checker worker. Pure data format, here in the domain so that both the workers and the
// page's solver client use one codec. JSON text, cut into parts of about PART_STEPS steps. Posting strings is one copy of their
// bytes; a structured clone of a 10,000-stop plan as objects took the main thread 51–104 ms to read in
// one task. The main thread parses the parts one task at a time (`readPlanText`); the checker worker
// parses them at once (`fromPlanText`). Plans are plain JSON data already (they are stored and exported
// as JSON), so the text round trip changes nothing.
import { freezeDeep } from './freeze';
import { knownText } from './known-text';
import type { Route } from './solution';

/** A plan as text: everything but the routes (`head`), then the routes in order, a group of routes per part. */
export interface PlanText {
  readonly head: string;
  readonly parts: readonly string[];
}

/** Steps per part (a route is never split): parsing one part is a few milliseconds at most. */
export const PART_STEPS = 1500;

/** The plan's text: `head` without the routes, `parts` the routes in order (≥ 1 route per part). */
export function toPlanText<T extends { routes: readonly Route[] }>(plan: T): PlanText {
  const { routes, ...rest } = plan;
  const parts: string[] = [];
  let from = 0;
  let steps = 0;
  for (let i = 0; i < routes.length; i++) {
    steps += routes[i].steps.length;
    if (steps >= PART_STEPS || i === routes.length - 1) {
      parts.push(JSON.stringify(routes.slice(from, i + 1)));
      from = i + 1;
      steps = 0;
    }
  }
  return { head: JSON.stringify(rest), parts };
}

/** Whether `value` has the shape of a PlanText (what a worker boundary accepts as a plan). */
export function isPlanText(value: unknown): value is PlanText {
  const v = value as Partial<PlanText> | null;
  return typeof v === 'object' && v !== null && typeof v.head === 'string' && Array.isArray(v.parts) && v.parts.every((p) => typeof p === 'string');
}

/** The plan, parsed at once (in a worker). */
export function fromPlanText<T extends { routes: Route[] }>(wire: PlanText): T {
  const plan = JSON.parse(wire.head) as T;
  plan.routes = wire.parts.flatMap((part) => JSON.parse(part) as Route[]);
  return plan;
}

/**
 * The pieces of `JSON.stringify(routes)` for the routes of `parts` (each the JSON array of some routes, in order):
 * the parts' own text without their brackets, between commas, as slices (no copy of the text is made).
 */
export function routesPieces(parts: readonly string[]): string[] {
  const pieces = ['['];
  for (const part of parts) {
    const inner = part.slice(1, -1);
    if (inner.length === 0) continue;
    if (pieces.length > 1) pieces.push(',');
    pieces.push(inner);
  }
  pieces.push(']');
  return pieces;
}

/**
 * The plan, parsed a part per task (on the main thread): `pause` (a macrotask boundary) runs before each
 * part, so input and painting go on between them. The plan is read to be shown, and a shown plan is
 * immutable (store/plan-value.ts): each part's routes, and the head's fields, are frozen in the task that
 * parses them, not all at once in the task that stores the plan. The routes' array is frozen too, and keeps
 * the text it was read from (known-text.ts): saving the plan, or sending it to the risk worker,
 * then posts that text instead of writing ~2 MB of JSON again at 10,000 stops (issue #15). Parsing JSON that
 * JSON.stringify wrote and writing it again gives the same text (a route has no integer-like keys, whose order
 * a parse would change).
 */
export async function readPlanText<T extends { routes: Route[] }>(wire: PlanText, pause: () => Promise<void>): Promise<T> {
  const plan = JSON.parse(wire.head) as T;
  for (const value of Object.values(plan)) freezeDeep(value);
  const routes: Route[] = [];
  for (const part of wire.parts) {
    await pause();
    for (const route of JSON.parse(part) as Route[]) routes.push(freezeDeep(route));
  }
  plan.routes = Object.freeze(routes) as Route[];
  knownText(routes, routesPieces(wire.parts));
  return plan;
}
