// Fixed examples of the JSON damage generator (json-mutate.ts): a failing case it found must be
// a case of the importer, never an exception of the harness's own while writing the file.
import { describe, expect, it } from 'vitest';
import { jsonText, MAX_DOC_CHARS, mutate, type Mutation } from './json-mutate';

const x20k = 'x'.repeat(20_000);
const doc = { type: 'fmp-events', version: 1, events: [{ type: 'done', order: 'B-R1', at: '2026-11-21T12:00:30+01:00' }] };
// `npm run fuzz`, events file, FUZZ_SEED=4: "Invalid string length" from JSON.stringify in jsonText.
const seed4: Mutation[] = [{ op: 'set', at: 385326757, value: x20k }, { op: 'grow', at: 701035094, size: 27782 }, { op: 'set', at: 70203789, value: x20k }];

describe('json-mutate', () => {
  it('grows an array of 20,000-character values only as far as a file can be written', () => {
    const grown = mutate(doc, seed4) as typeof doc;
    expect(grown.events.length).toBeGreaterThan(1000);
    expect(jsonText(grown, { bom: false, cut: 1.2572807604997146e-24 })).toBe('');
    expect(JSON.stringify(grown).length).toBeLessThanOrEqual(MAX_DOC_CHARS + 2 * 20_010);
  });

  it('still grows small arrays to the size asked for', () => {
    const grown = mutate(doc, [{ op: 'grow', at: 0, size: 30_000 }]) as typeof doc;
    expect(grown.events).toHaveLength(30_000);
  });

});
