// Lognormal draws by table (issue #14's risk Monte Carlo): a time is its mean
// times a lognormal factor of mean 1 and the time's CV, read from that CV's
// quantile table at a uniform draw. Both the JS reference and the WASM
// simulation read the same tables with the same arithmetic, so they agree to
// the bit, and the hot loop calls no exp, log or cos.

/** Nodes per table: the factor's quantiles at u = (k + ½) / QUANTILE_NODES (draws beyond the end nodes take them: |z| ≤ 3.67). */
export const QUANTILE_NODES = 8192;

/** Standard normal quantile Φ⁻¹(p), 0 < p < 1 (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** The quantile table of a lognormal factor with mean 1 and coefficient of variation `cv` > 0: exp(σz − σ²/2), σ² = ln(1 + cv²). */
export function lognormalFactorTable(cv: number): Float64Array {
  const sigma2 = Math.log(1 + cv * cv);
  const sigma = Math.sqrt(sigma2);
  return Float64Array.from({ length: QUANTILE_NODES }, (_, k) => Math.exp(sigma * normalQuantile((k + 0.5) / QUANTILE_NODES) - sigma2 / 2));
}

/** The factor at uniform draw u ∈ [0, 1): linear between the two nodes around u (the WASM side computes exactly this). */
export function tableFactor(table: ArrayLike<number>, offset: number, u: number): number {
  const x = u * QUANTILE_NODES - 0.5;
  const k = Math.floor(x);
  if (k < 0) return table[offset];
  if (k >= QUANTILE_NODES - 1) return table[offset + QUANTILE_NODES - 1];
  const lo = table[offset + k];
  return lo + (table[offset + k + 1] - lo) * (x - k);
}
