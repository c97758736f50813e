// The travel times a solve uses (issue #14): with a routing service configured,
// the scenario's matrices fetched from it (one fetch per OSRM profile, cached);
// when the service fails, the embedded model with the reason, so the plan can
// say so. Without a service the scenario is solved as it is.
import { matrixPlaces, placeLabel, withoutTravelMatrices, withTravelMatrices } from '../domain/road-matrix';
import type { Scenario, TravelMatrix, TravelSource } from '../domain/scenario';
import { fetchRoadMatrix, roadMatrixCache, RoutingError, type BlockCache } from './osrm-table';

/** The OSRM profile used for a vehicle type the settings do not name. */
export const DEFAULT_PROFILE = 'driving';

/** How the matrices are fetched (tests pass their own cache and fetch). */
export interface RoadTravelOptions {
  signal?: AbortSignal;
  /** Blocks done and in all, over every profile. */
  onProgress?: (done: number, total: number) => void;
  cache?: BlockCache;
  fetchFn?: typeof fetch;
  blockSize?: number;
}

/** The scenario to solve and where its travel times come from. */
export interface RoadTravel {
  scenario: Scenario;
  travel: TravelSource;
}

/** The routing service's URL when one is configured, else null. */
export function routingUrlOf(scenario: Scenario): string | null {
  const url = scenario.settings.routingUrl?.trim();
  return url ? url : null;
}

/** A scenario without a routing service, solved as it is: on its own matrices when it has them. */
export function localTravel(scenario: Scenario): RoadTravel {
  return { scenario, travel: { source: scenario.travelMatrices && Object.keys(scenario.travelMatrices).length > 0 ? 'matrix' : 'embedded' } };
}

/** The OSRM profile of each vehicle type of the fleet. */
export function profilesByType(scenario: Scenario): Map<string, string> {
  const profiles = new Map<string, string>();
  for (const v of scenario.vehicles) profiles.set(v.type, scenario.settings.routingProfiles?.[v.type]?.trim() || DEFAULT_PROFILE);
  return profiles;
}

/**
 * The scenario with road matrices from its routing service, or on the embedded model with the
 * reason when the service fails (RoutingError). Cancel (the signal's AbortError) is rethrown.
 * Without a configured service: the scenario unchanged, its source `matrix` when it has its own.
 */
export async function resolveRoadTravel(scenario: Scenario, options: RoadTravelOptions = {}): Promise<RoadTravel> {
  const url = routingUrlOf(scenario);
  if (!url) return localTravel(scenario);
  const places = matrixPlaces(scenario);
  const byType = profilesByType(scenario);
  const profiles = [...new Set(byType.values())];
  const label = (i: number) => placeLabel(places[i]);
  try {
    const fetched = new Map<string, TravelMatrix>();
    for (const [k, profile] of profiles.entries()) {
      const matrix = await fetchRoadMatrix(places, {
        url, profile, signal: options.signal, cache: options.cache ?? roadMatrixCache(), fetchFn: options.fetchFn, blockSize: options.blockSize,
        onProgress: (done, total) => options.onProgress?.(k * total + done, profiles.length * total),
      }, label);
      fetched.set(profile, matrix);
    }
    // The solver takes one distance matrix for every vehicle type: the first profile's serves all
    // (distances price the plan; each profile keeps its own durations).
    const distancesM = fetched.get(profiles[0])!.distancesM;
    const matrices = Object.fromEntries([...byType].map(([type, profile]) => [type, { durationsS: fetched.get(profile)!.durationsS, distancesM }]));
    return { scenario: withTravelMatrices(scenario, matrices), travel: { source: 'routing' } };
  } catch (error) {
    if (!(error instanceof RoutingError)) throw error;
    return { scenario: withoutTravelMatrices(scenario), travel: { source: 'embedded', fallback: error.message } };
  }
}

/** The plan banner's line on travel times, or null when there is nothing to say (no service configured, no matrix). */
export function travelLine(travel: TravelSource | undefined): string | null {
  if (!travel) return null;
  if (travel.source === 'routing') return 'Travel times: routing service';
  if (travel.source === 'matrix') return 'Travel times: imported matrix';
  return travel.fallback ? `Travel times: embedded model (routing service unreachable: ${travel.fallback})` : null;
}
