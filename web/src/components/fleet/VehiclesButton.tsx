// The header's "Vehicles" button and the fleet window it opens.
import { createSignal, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { VehiclesDialog } from './VehiclesDialog';

/** "Vehicles" button plus its window. */
export function VehiclesButton(): JSX.Element {
  const { scenario: [state] } = useApp();
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" class="btn" disabled={!state.scenario} onClick={() => setOpen(true)}>Vehicles</button>
      <VehiclesDialog open={open()} onClose={() => setOpen(false)} />
    </>
  );
}
