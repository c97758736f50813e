// A route's name in a narrow table is cut before its end, so a fleet named "Chauffeur 1" … "Chauffeur 300" reads apart.
import { describe, expect, it } from 'vitest';
import { nameParts } from '../../web/src/components/ui/vehicle-names';

describe('nameParts', () => {
  it('keeps a short last word whole at the end', () => {
    expect(nameParts('Chauffeur 12')).toEqual(['Chauffeur', ' 12']);
    expect(nameParts('Chauffeur-livreur   300')).toEqual(['Chauffeur-livreur', '   300']);
    expect(nameParts('Box truck 2')).toEqual(['Box truck', ' 2']);
  });

  it('keeps the last characters of a long name without a short last word', () => {
    expect(nameParts('Lieferwagen-Nord-0012')).toEqual(['Lieferwagen-Nord-', '0012']);
    expect(nameParts('Zustellfahrzeug Stadtmitte')).toEqual(['Zustellfahrzeug Stadtm', 'itte']);
  });

  it('leaves a short name whole, and the parts always make the name', () => {
    expect(nameParts('BDX-01')).toEqual(['BDX-01', '']);
    expect(nameParts('')).toEqual(['', '']);
    for (const name of ['Van 1', 'Chauffeur 12', 'Zoë Straße-Brandt', 'a b', ' lead', 'trail ', 'x'.repeat(40)]) {
      expect(nameParts(name).join('')).toBe(name);
    }
  });
});
