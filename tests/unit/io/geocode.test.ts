// Geocoding: the request for each dialect, answers read (Nominatim jsonv2 and
// Photon GeoJSON) with clear errors naming the bad path, the confidence rule,
// the address key, and the setting's URL check.
import { describe, expect, it } from 'vitest';
import {
  buildSearchUrl, checkGeocodeUrl, flavourOf, judgeCandidates, normaliseAddress, parseGeocodeResponse, type GeocodeCandidate,
} from '../../../web/src/io/geocode';

describe('request building', () => {
  it('asks Nominatim for jsonv2 with the address as q and a candidate limit', () => {
    const url = new URL(buildSearchUrl('https://nominatim.example.org/search', ' 12 Rue Mercière, Lyon & Co '));
    expect(url.origin + url.pathname).toBe('https://nominatim.example.org/search');
    expect(url.searchParams.get('q')).toBe('12 Rue Mercière, Lyon & Co');
    expect(url.searchParams.get('format')).toBe('jsonv2');
    expect(url.searchParams.get('limit')).toBe('5');
  });

  it('speaks Photon to an /api URL (no format parameter)', () => {
    expect(flavourOf('https://photon.example.org/api/')).toBe('photon');
    expect(flavourOf('http://localhost:2322/api')).toBe('photon');
    expect(flavourOf('https://nominatim.example.org/search')).toBe('nominatim');
    const url = new URL(buildSearchUrl('https://photon.example.org/api', 'Place Bellecour'));
    expect(url.searchParams.get('format')).toBeNull();
    expect(url.searchParams.get('q')).toBe('Place Bellecour');
  });

  it('checks the setting: a full http(s) URL without a query', () => {
    expect(checkGeocodeUrl('https://nominatim.openstreetmap.org/search')).toBeNull();
    expect(checkGeocodeUrl('nominatim.openstreetmap.org')).toMatch(/full URL/);
    expect(checkGeocodeUrl('ftp://example.org/search')).toMatch(/http/);
    expect(checkGeocodeUrl('https://example.org/search?format=json')).toMatch(/query/);
  });
});

describe('response parsing', () => {
  it('reads Nominatim jsonv2 (string coordinates, importance as score)', () => {
    const body = [{ lat: '45.7620', lon: '4.8331', display_name: '12, Rue Mercière, Lyon', importance: 0.41 }];
    expect(parseGeocodeResponse(body, 'nominatim')).toEqual([{ lat: 45.762, lng: 4.8331, label: '12, Rue Mercière, Lyon', score: 0.41 }]);
    expect(parseGeocodeResponse([], 'nominatim')).toEqual([]);
  });

  it('reads Photon GeoJSON ([lon, lat]) and builds a label from its properties', () => {
    const body = { type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [4.8331, 45.762] }, properties: { name: 'Chez Paul', housenumber: '12', street: 'Rue Mercière', city: 'Lyon', country: 'France' } },
    ] };
    expect(parseGeocodeResponse(body, 'photon')).toEqual([{ lat: 45.762, lng: 4.8331, label: 'Chez Paul, 12 Rue Mercière, Lyon, France', score: 0 }]);
  });

  it('names the bad path of a malformed answer', () => {
    expect(() => parseGeocodeResponse({ error: 'x' }, 'nominatim')).toThrow('not a list of places');
    expect(() => parseGeocodeResponse([{ lat: '95', lon: '4' }], 'nominatim')).toThrow('[0].lat is not a latitude');
    expect(() => parseGeocodeResponse([{ lat: '45', lon: 'east' }], 'nominatim')).toThrow('[0].lon is not a longitude');
    expect(() => parseGeocodeResponse([], 'photon')).toThrow('features is not a list');
    expect(() => parseGeocodeResponse({ features: [{ geometry: { coordinates: [4] } }] }, 'photon')).toThrow('features[0].geometry.coordinates is not [lon, lat]');
    expect(() => parseGeocodeResponse({ features: [{ geometry: { coordinates: [4, 91] } }] }, 'photon')).toThrow('coordinates[1] is not a latitude');
  });

  it('keeps markup as plain text and cuts very long names', () => {
    const [place] = parseGeocodeResponse([{ lat: 1, lon: 2, display_name: '<img src=x onerror=alert(1)>', importance: 0.5 }], 'nominatim');
    expect(place.label).toBe('<img src=x onerror=alert(1)>');
    const [long] = parseGeocodeResponse([{ lat: 1, lon: 2, display_name: 'x'.repeat(1000) }], 'nominatim');
    expect(long.label).toHaveLength(300);
    expect(long.score).toBe(0);
  });
});

describe('confidence rule', () => {
  const at = (score: number, label = 'A'): GeocodeCandidate => ({ lat: 1, lng: 2, label, score });

  it('places a single match at or above the threshold', () => {
    expect(judgeCandidates([at(0.3)], 0.3)).toEqual({ kind: 'placed', candidate: at(0.3) });
  });

  it('reviews a single weak match and any several matches, with the reason', () => {
    expect(judgeCandidates([at(0.29)], 0.3)).toEqual({ kind: 'review', reason: 'a weak match (score 0.29 < 0.3)', candidates: [at(0.29)] });
    const two = judgeCandidates([at(0.9, 'A'), at(0.8, 'B')], 0.3);
    expect(two).toEqual({ kind: 'review', reason: '2 places match', candidates: [at(0.9, 'A'), at(0.8, 'B')] });
  });

  it('leaves an address nobody found to the map', () => {
    expect(judgeCandidates([])).toEqual({ kind: 'none' });
  });
});

describe('normaliseAddress', () => {
  it('gives one key to one address written two ways', () => {
    expect(normaliseAddress('  12 Rue  Mercière ,Lyon, ')).toBe('12 rue mercière, lyon');
    expect(normaliseAddress('12 RUE MERCIÈRE, LYON')).toBe('12 rue mercière, lyon');
    expect(normaliseAddress('12 Rue Mercière, Lyon 2')).not.toBe(normaliseAddress('12 Rue Mercière, Lyon'));
  });
});
