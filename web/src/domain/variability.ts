// Variability of execution (DOMAIN.md §4; issues #11 and #14): the settings
// with their defaults filled in, and the model both the day simulator and the
// risk estimate draw from — lognormal travel and service times with a given
// mean and coefficient of variation, a seeded pseudo-random source.
import { SERVICE_TYPES, type ServiceType, type Settings } from './scenario';

/** Variability settings with every default filled in. */
export interface Variability {
  /** Coefficient of variation of each leg's travel time (mean = the planned leg). */
  travelCv: number;
  /** Coefficient of variation of service times, per service type (mean = the planned service). */
  serviceCv: Record<ServiceType, number>;
  /** Probability that the customer is not home (a failed attempt), per service type. */
  notHome: Record<ServiceType, number>;
  /** A failed attempt keeps the crew this long instead of the service. */
  failedAttemptMinutes: number;
  /** Urgent orders a simulated day brings. */
  urgentOrdersPerDay: number;
}

const perType = (f: (type: ServiceType) => number) => Object.fromEntries(SERVICE_TYPES.map((t) => [t, f(t)])) as Record<ServiceType, number>;

/** Defaults of issue #14's model: travel CV 0.25; service CV 0.3 curbside, 0.4 others; nobody is ever not home. */
export const DEFAULT_VARIABILITY: Readonly<Variability> = {
  travelCv: 0.25,
  serviceCv: perType((t) => (t === 'curbside' ? 0.3 : 0.4)),
  notHome: perType(() => 0),
  failedAttemptMinutes: 5,
  urgentOrdersPerDay: 2,
};

/**
 * The scenario's variability: what `settings.variability` sets, defaults for
 * the rest. Stored scenarios keep only what the user set (a file round-trips
 * unchanged); every reader goes through this function instead.
 */
export function resolveVariability(settings: Settings): Variability {
  const set = settings.variability ?? {};
  return {
    travelCv: set.travelCv ?? DEFAULT_VARIABILITY.travelCv,
    serviceCv: perType((t) => set.serviceCv?.[t] ?? DEFAULT_VARIABILITY.serviceCv[t]),
    notHome: perType((t) => set.notHome?.[t] ?? DEFAULT_VARIABILITY.notHome[t]),
    failedAttemptMinutes: set.failedAttemptMinutes ?? DEFAULT_VARIABILITY.failedAttemptMinutes,
    urgentOrdersPerDay: set.urgentOrdersPerDay ?? DEFAULT_VARIABILITY.urgentOrdersPerDay,
  };
}

/** Not-home probability "Play the day" uses for a service type the scenario leaves unset (the settings' default, 0, would show no failed attempt). */
export const PLAY_NOT_HOME = 0.05;

/** Variability for "Play the day": the scenario's, except that not-home probabilities it does not set are PLAY_NOT_HOME. */
export function playVariability(settings: Settings): Variability {
  const resolved = resolveVariability(settings);
  const set = settings.variability?.notHome;
  return { ...resolved, notHome: perType((t) => set?.[t] ?? PLAY_NOT_HOME) };
}

/** A seeded source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Seeded generator: a Weyl sequence (step 0x9e3779b9) through MurmurHash3's
 * 32-bit finaliser. Same seed, same sequence; 2^32 period, enough for a day.
 */
export function makeRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a hash of a text mixed with a seed: a stream seed per vehicle, so one route's draws do not depend on another's. */
export function streamSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A standard normal draw (Box–Muller; always takes two uniforms, so draws stay aligned). */
export function normal(rng: Rng): number {
  const u1 = 1 - rng(); // (0, 1]: the logarithm stays finite
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal parameters for mean m and CV c: σ² = ln(1 + c²), μ = ln m − σ²/2. */
export function lognormalParams(mean: number, cv: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + cv * cv);
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** exp(μ + σ·z) for a standard normal draw z: lognormal with mean m and CV c (m ≤ 0 or c = 0: m). */
export function lognormal(mean: number, cv: number, z: number): number {
  if (mean <= 0 || cv <= 0) return Math.max(0, mean);
  const { mu, sigma } = lognormalParams(mean, cv);
  return Math.exp(mu + sigma * z);
}
