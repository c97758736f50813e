// The route lines the map has drawn, carried from one plan to the next: a line object the projection hands back
// again (a route a hand move did not touch, projection.ts reusingMapProjector) keeps the polyline made for it, so
// a move at 10,000 stops makes two polylines again, not ~960 (issue #15). No Leaflet here: the polyline is any value.
import type { RouteLine } from './projection';

/** A route line, the polyline made for it (null until it is first shown) and the style it was last given. */
export interface DrawnLine<P> {
  line: RouteLine;
  polyline: P | null;
  style: string;
}

/**
 * The entries for `lines`, in their order, after `drawn`: a line drawn before (the same object) keeps its entry;
 * `dropped` holds the polylines of the entries no line keeps.
 */
export function carryLines<P>(drawn: readonly DrawnLine<P>[], lines: readonly RouteLine[]): { drawn: DrawnLine<P>[]; dropped: P[] } {
  const before = new Map(drawn.map((entry) => [entry.line, entry]));
  const next = lines.map((line) => {
    const kept = before.get(line);
    before.delete(line);
    return kept ?? { line, polyline: null, style: '' };
  });
  const dropped: P[] = [];
  for (const entry of before.values()) if (entry.polyline !== null) dropped.push(entry.polyline);
  return { drawn: next, dropped };
}
