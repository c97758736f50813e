// The header's "Vehicles" button and the fleet window it opens.
import { createSignal, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { lazyPart } from '../ui/lazy-parts';
import { WindowPart } from '../ui/PartShell';

const VehiclesDialog = lazyPart(() => import('./VehiclesDialog').then((m) => m.VehiclesDialog));

/** "Vehicles" button plus its window. */
export function VehiclesButton(): JSX.Element {
  const { scenario: [state] } = useApp();
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" class="btn" disabled={!state.scenario} onClick={() => setOpen(true)}>Vehicles</button>
      <WindowPart name="Vehicles" open={open()} onClose={() => setOpen(false)}>
        <VehiclesDialog open={open()} onClose={() => setOpen(false)} />
      </WindowPart>
    </>
  );
}
