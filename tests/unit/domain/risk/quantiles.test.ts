// The lognormal factor tables of the risk Monte Carlo: the normal quantile is
// accurate, and a table read at uniform draws has mean 1 and the asked CV.
import { describe, expect, it } from 'vitest';
import { QUANTILE_NODES, lognormalFactorTable, normalQuantile, tableFactor } from '../../../../web/src/domain/risk/quantiles';

describe('quantiles', () => {
  it('normalQuantile matches known quantiles of the standard normal', () => {
    const known: [number, number][] = [[0.5, 0], [0.975, 1.959963984540054], [0.9, 1.2815515655446004], [0.01, -2.3263478740408408], [1e-6, -4.753424308822899]];
    for (const [p, z] of known) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8 * Math.max(1, Math.abs(z)));
  });

  it('a factor table has mean 1 and the asked CV, and its median is e^(−σ²/2)', () => {
    for (const cv of [0.1, 0.25, 0.4, 0.8]) {
      const table = lognormalFactorTable(cv);
      expect(table.length).toBe(QUANTILE_NODES);
      const n = 200000;
      let sum = 0;
      let sum2 = 0;
      for (let i = 0; i < n; i++) {
        const f = tableFactor(table, 0, (i + 0.5) / n);
        sum += f;
        sum2 += f * f;
      }
      const mean = sum / n;
      const sd = Math.sqrt(sum2 / n - mean * mean);
      expect(Math.abs(mean - 1)).toBeLessThan(2e-3);
      expect(Math.abs(sd - cv) / cv).toBeLessThan(0.02);
      expect(tableFactor(table, 0, 0.5)).toBeCloseTo(Math.exp(-Math.log(1 + cv * cv) / 2), 6);
    }
  });

  it('draws beyond the end nodes take the end nodes; the table is increasing', () => {
    const table = lognormalFactorTable(0.3);
    expect(tableFactor(table, 0, 0)).toBe(table[0]);
    expect(tableFactor(table, 0, 0.9999999)).toBe(table[QUANTILE_NODES - 1]);
    for (let k = 1; k < QUANTILE_NODES; k++) expect(table[k]).toBeGreaterThan(table[k - 1]);
  });
});
