// The phone's position for a proof of delivery: asked for when a form opens,
// used if it has arrived by Save; Save never waits for it.
import { createSignal, onMount, type Accessor } from 'solid-js';
import { currentPosition } from '../../io/pod-capture';

/** A position fix. */
export type Fix = { lat: number; lng: number; accuracyM: number };

/** Starts a geolocation request on mount; the accessor holds the fix once (if ever) it arrives. */
export function usePosition(): { fix: Accessor<Fix | null>; asked: Accessor<boolean> } {
  const [fix, setFix] = createSignal<Fix | null>(null);
  const [asked, setAsked] = createSignal(true);
  onMount(() => {
    void currentPosition().then((p) => {
      setFix(p);
      setAsked(false);
    });
  });
  return { fix, asked };
}

/** The position line of a form. */
export function positionText(fix: Fix | null, asked: boolean): string {
  if (fix) return `Position recorded (±${fix.accuracyM} m)`;
  return asked ? 'Looking for the position…' : 'No position (not allowed or not found)';
}
