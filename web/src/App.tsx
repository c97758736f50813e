// The application root: providers around the planner screen.
import type { JSX } from 'solid-js';
import { Planner } from './components/Planner';
import { AppProvider } from './store/context';

/** Root component: stores provided around the planner. */
export function App(): JSX.Element {
  return (
    <AppProvider>
      <Planner />
    </AppProvider>
  );
}
