// Variability settings (issues #11 and #14): validated with the field named,
// defaults filled for what a scenario leaves out, and the model's draws.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { validateScenario } from '../../../web/src/domain/validate';
import {
  DEFAULT_VARIABILITY, lognormal, lognormalParams, makeRng, normal, PLAY_NOT_HOME, playVariability, resolveVariability, streamSeed,
} from '../../../web/src/domain/variability';
import { smallScenario } from '../../fixtures/small-scenario';

const withVariability = (variability: unknown): unknown => {
  const s = smallScenario() as unknown as { settings: Record<string, unknown> };
  s.settings.variability = variability;
  return s;
};

describe('variability settings', () => {
  it('are optional: a scenario without them is valid and gets issue #14 defaults', () => {
    const result = validateScenario(smallScenario());
    expect(result.ok).toBe(true);
    const resolved = resolveVariability((result as { scenario: Scenario }).scenario.settings);
    expect(resolved).toEqual(DEFAULT_VARIABILITY);
    expect(resolved.travelCv).toBe(0.25);
    expect(resolved.serviceCv.curbside).toBe(0.3);
    expect(resolved.serviceCv['white-glove']).toBe(0.4);
    expect(Object.values(resolved.notHome).every((p) => p === 0)).toBe(true);
  });

  it('keep what a scenario sets and fill the rest', () => {
    const result = validateScenario(withVariability({ travelCv: 0.1, serviceCv: { installation: 0.6 }, notHome: { curbside: 0.08 }, failedAttemptMinutes: 3 }));
    expect(result.ok).toBe(true);
    const settings = (result as { scenario: Scenario }).scenario.settings;
    expect(settings.variability).toEqual({ travelCv: 0.1, serviceCv: { installation: 0.6 }, notHome: { curbside: 0.08 }, failedAttemptMinutes: 3 });
    const resolved = resolveVariability(settings);
    expect(resolved).toMatchObject({ travelCv: 0.1, failedAttemptMinutes: 3, urgentOrdersPerDay: DEFAULT_VARIABILITY.urgentOrdersPerDay });
    expect(resolved.serviceCv).toEqual({ ...DEFAULT_VARIABILITY.serviceCv, installation: 0.6 });
    expect(resolved.notHome).toEqual({ ...DEFAULT_VARIABILITY.notHome, curbside: 0.08 });
  });

  it.each([
    [{ travelCv: -0.1 }, 'settings.variability.travelCv', 'must be ≥ 0'],
    [{ travelCv: 'high' }, 'settings.variability.travelCv', 'must be a number'],
    [{ serviceCv: { curbside: 5 } }, 'settings.variability.serviceCv.curbside', 'must be ≤ 3'],
    [{ serviceCv: { teleport: 0.2 } }, 'settings.variability.serviceCv.teleport', 'unknown service type'],
    [{ notHome: { 'white-glove': 1.5 } }, 'settings.variability.notHome.white-glove', 'must be ≤ 1'],
    [{ failedAttemptMinutes: 2.5 }, 'settings.variability.failedAttemptMinutes', 'must be whole minutes'],
    [{ urgentOrdersPerDay: 99 }, 'settings.variability.urgentOrdersPerDay', 'must be ≤ 50'],
  ])('reject %j naming the field', (variability, path, message) => {
    const result = validateScenario(withVariability(variability));
    expect(result.ok).toBe(false);
    expect((result as { issues: { path: string; message: string }[] }).issues).toContainEqual({ path, message });
  });

  it('for Play, give types the scenario leaves unset a small not-home probability, and keep the ones it sets', () => {
    const s = smallScenario();
    s.settings.variability = { notHome: { curbside: 0 } };
    const play = playVariability(s.settings);
    expect(play.notHome.curbside).toBe(0);
    expect(play.notHome['room-of-choice']).toBe(PLAY_NOT_HOME);
    expect(play.travelCv).toBe(DEFAULT_VARIABILITY.travelCv);
  });
});

describe('the model', () => {
  it('has lognormal parameters with the given mean and CV: σ² = ln(1 + c²), μ = ln m − σ²/2', () => {
    const { mu, sigma } = lognormalParams(600, 0.3);
    expect(sigma ** 2).toBeCloseTo(Math.log(1.09), 12);
    expect(Math.exp(mu + sigma ** 2 / 2)).toBeCloseTo(600, 9); // the mean
    expect(Math.sqrt(Math.exp(sigma ** 2) - 1)).toBeCloseTo(0.3, 12); // the CV
    expect(lognormal(600, 0.3, 0)).toBeCloseTo(Math.exp(mu), 9); // the median at z = 0
    expect(lognormal(600, 0, 1.7)).toBe(600);
    expect(lognormal(0, 0.3, 1.7)).toBe(0);
  });

  it('has a seeded generator: same seed same stream, uniform in [0, 1), and standard normal draws', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const xs = Array.from({ length: 20_000 }, () => a());
    expect(Array.from({ length: 20_000 }, () => b())).toEqual(xs);
    expect(makeRng(43)()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Mean of n uniforms: standard error 0.289/√n = 0.002; 4 of them.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.008);
    const rng = makeRng(7);
    const zs = Array.from({ length: 20_000 }, () => normal(rng));
    const mean = zs.reduce((s, z) => s + z, 0) / zs.length;
    const variance = zs.reduce((s, z) => s + (z - mean) ** 2, 0) / (zs.length - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(zs.length));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / zs.length));
  });

  it('gives each named stream its own seed', () => {
    expect(streamSeed(1, 'route:van-1')).toBe(streamSeed(1, 'route:van-1'));
    expect(streamSeed(1, 'route:van-1')).not.toBe(streamSeed(1, 'route:van-2'));
    expect(streamSeed(1, 'route:van-1')).not.toBe(streamSeed(2, 'route:van-1'));
  });
});
