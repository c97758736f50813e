// Events files the fuzzers (tests/fuzz) broke: a UTF-8 BOM, and tens of
// thousands of alike events, whose derived ids took quadratic time.
import { describe, expect, it } from 'vitest';
import { parseEventsFile } from '../../../../web/src/domain/day/events-file';
import { smallScenario } from '../../../fixtures/small-scenario';

const file = (events: unknown[]) => JSON.stringify({ type: 'fmp-events', version: 1, events });

describe('events file, found by fuzzing', () => {
  it('reads a file saved with a UTF-8 BOM like the same file without one', () => {
    const text = file([{ type: 'departed', vehicle: 'v1', at: '07:05' }]);
    expect(parseEventsFile(`\ufeff${text}`, smallScenario())).toEqual(parseEventsFile(text, smallScenario()));
    expect(parseEventsFile(`\ufeff${text}`, smallScenario()).ok).toBe(true);
  });

  it('derives distinct ids for 20,000 alike events and re-delivery ids for 20,000 failures in linear time', () => {
    const events = [
      ...Array.from({ length: 20_000 }, () => ({ type: 'departed', vehicle: 'v1', at: '07:05' })),
      ...Array.from({ length: 20_000 }, () => ({ type: 'failed', order: 'B', at: '10:20' })),
    ];
    const started = performance.now();
    const read = parseEventsFile(file(events), smallScenario());
    const ms = performance.now() - started;
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const ids = read.events.map((e) => e.id);
    expect(ids.slice(0, 3)).toEqual(['departed:v1@07:05', 'departed:v1@07:05#2', 'departed:v1@07:05#3']);
    expect(new Set(ids).size).toBe(40_000);
    // Searching from #1 for every event did not finish within four minutes here.
    expect(ms).toBeLessThan(10_000);
  });

  it('still lets an explicit id take a derived one and skips it', () => {
    const read = parseEventsFile(file([
      { type: 'departed', vehicle: 'v1', at: '07:05', id: 'departed:v1@07:05#2' },
      { type: 'departed', vehicle: 'v1', at: '07:05' },
      { type: 'departed', vehicle: 'v1', at: '07:05' },
    ]), smallScenario());
    expect(read.ok && read.events.map((e) => e.id)).toEqual(['departed:v1@07:05#2', 'departed:v1@07:05', 'departed:v1@07:05#3']);
  });
});
