// Where a part loaded on first use (lazy-parts.ts) is shown: a window mounted from its first opening on, or a panel;
// if its code cannot be loaded, the window or panel says so instead of failing silently. (The browser keeps a failed
// module load for the page's life: a reload, once the connection is back, is what loads it.)
import { ErrorBoundary, Show, type JSX } from 'solid-js';
import { Banner } from './Banner';
import { Dialog } from './Dialog';
import { onceTrue, partLoadMessage } from './lazy-parts';

/** A window (`children`, lazily loaded) mounted from the first time `open` is true. */
export function WindowPart(props: { name: string; open: boolean; onClose: () => void; children: JSX.Element }): JSX.Element {
  const opened = onceTrue(() => props.open);
  return (
    <Show when={opened()}>
      <ErrorBoundary fallback={(error, reset) => (
        <Dialog title={props.name} open={props.open} onClose={() => { reset(); props.onClose(); }}>
          <p role="alert">{partLoadMessage(props.name, error)}</p>
        </Dialog>
      )}>
        {props.children}
      </ErrorBoundary>
    </Show>
  );
}

/** A panel (`children`, lazily loaded) in place. */
export function PanelPart(props: { name: string; children: JSX.Element }): JSX.Element {
  return (
    <ErrorBoundary fallback={(error) => (
      <Banner tone="error" title={`${props.name} could not be loaded`}>
        <span>{partLoadMessage(props.name, error)}</span>
      </Banner>
    )}>
      {props.children}
    </ErrorBoundary>
  );
}
