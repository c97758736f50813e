// Or-opt: move two or three consecutive stops elsewhere (Or 1976), the chain
// form of relocate.ts; kept as its own operator id so search.ts can weigh it.
import { evaluateRelocate, applyRelocate } from "./relocate";

/** Cost change of moving stops u, next(u)[, next²(u)] after site w; see evaluateRelocate. */
export function evaluateOrOpt(u: i32, len: i32, w: i32): f64 {
  return evaluateRelocate(u, len, w);
}

/** Applies a move accepted by evaluateOrOpt. */
export function applyOrOpt(u: i32, len: i32, w: i32): void {
  applyRelocate(u, len, w);
}
