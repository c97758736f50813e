// The only source of randomness in the solver: a seeded xorshift32 generator,
// so the same seed gives the same plan (Math.random is banned).

let state: u32 = 0x9e3779b9;

/** Seeds the generator; any seed (including 0) gives a valid non-zero state. */
export function seedRng(seed: u32): void {
  let s = seed ^ 0x9e3779b9;
  // splitmix-style scramble so nearby seeds start far apart
  s = (s ^ (s >>> 16)) * 0x85ebca6b;
  s = (s ^ (s >>> 13)) * 0xc2b2ae35;
  s ^= s >>> 16;
  state = s == 0 ? 0x2545f491 : s;
}

/** Next raw 32-bit value (Marsaglia xorshift32). */
// @ts-ignore: decorator
@inline export function nextU32(): u32 {
  let x = state;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  state = x;
  return x;
}

/** Uniform integer in [0, bound); bound must be > 0. */
export function nextInt(bound: i32): i32 {
  return <i32>((<u64>nextU32() * <u64>bound) >>> 32);
}

/** Uniform float in [0, 1). */
export function nextFloat(): f64 {
  return <f64>nextU32() * (1.0 / 4294967296.0);
}
