// Road travel for a solve: one fetch per OSRM profile, durations per vehicle type,
// one distance matrix for all (the solver's encoding takes one), and the encoding
// accepts the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLegFn } from '../../../web/src/domain/travel';
import type { RoadMatrix } from '../../../web/src/io/osrm-table';
import { resolveRoadTravel, travelLine } from '../../../web/src/io/road-travel';
import { encode } from '../../../workers/encode';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { startOsrmStub, type OsrmStub } from '../../helpers/osrm-stub';

let stub: OsrmStub;
beforeAll(async () => { stub = await startOsrmStub(); });
afterAll(async () => { await stub.close(); });

/** The stub's answers, doubled for the `truck` profile. */
const truckSlower: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!String(input).includes('/truck/')) return response;
  const body = await response.json() as { code: string; durations: number[][]; distances: number[][] };
  const double = (m: number[][]) => m.map((row) => row.map((v) => v * 2));
  return new Response(JSON.stringify({ ...body, durations: double(body.durations), distances: double(body.distances) }));
};

describe('resolveRoadTravel', () => {
  it('fetches each profile once, keeps durations per vehicle type and one distance matrix the solver accepts', async () => {
    const base = makeMiniScenario();
    const scenario = {
      ...base,
      vehicles: [base.vehicles[0], { ...base.vehicles[1], type: 'lorry' }],
      settings: { ...base.settings, speedKmh: { ...base.settings.speedKmh, lorry: 25 }, routingUrl: stub.url, routingProfiles: { lorry: 'truck' } },
    };
    const map = new Map<string, RoadMatrix>();
    const before = stub.requests();
    const road = await resolveRoadTravel(scenario, { fetchFn: truckSlower, cache: { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) } });
    expect(stub.requests() - before).toBe(2);
    expect(road.travel).toEqual({ source: 'routing' });
    const [van, lorry] = road.scenario.vehicles;
    const [hub, a] = [road.scenario.depots[0], road.scenario.orders[0]];
    const vanLeg = makeLegFn(road.scenario, van)(hub, a);
    const lorryLeg = makeLegFn(road.scenario, lorry)(hub, a);
    expect(lorryLeg.durationS).toBe(Math.round(2 * (road.scenario.travelMatrices!.van.durationsS[0][1]) * lorry.speedFactor));
    expect(lorryLeg.durationS).toBeGreaterThan(vanLeg.durationS);
    expect(lorryLeg.distanceM).toBe(vanLeg.distanceM);
    expect(() => encode(road.scenario, { timeLimitS: 1, seed: 1 })).not.toThrow();
  });

  it('leaves a scenario without a service as it is, and words the plan banner line', async () => {
    const scenario = makeMiniScenario();
    expect(await resolveRoadTravel(scenario)).toEqual({ scenario, travel: { source: 'embedded' } });
    expect(travelLine({ source: 'embedded' })).toBeNull();
    expect(travelLine({ source: 'routing' })).toBe('Travel times: routing service');
    expect(travelLine({ source: 'embedded', fallback: 'no road from order \'A\' to depot \'hub\'' })).toBe("Travel times: embedded model (routing service unreachable: no road from order 'A' to depot 'hub')");
  });
});
