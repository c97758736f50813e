// Unit-test configuration, kept apart from vite.config.ts because vite-plugin-solid
// would force a DOM environment on every test. Solver tests load the debug .wasm.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    passWithNoTests: false,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/{domain,workers,solver,bench}/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/unit/{store,io,map,plan}/**/*.test.ts', 'tests/unit/*.test.ts'],
          setupFiles: ['tests/helpers/setup-dom.ts'],
          server: { deps: { inline: [/solid-js/] } },
        },
      },
      {
        // Property-based fuzzing of every importer and the WASM facade (tests/fuzz); FUZZ_RUNS raises the
        // case count for `npm run fuzz`, whose targets may then run for many minutes each.
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'fuzz',
          environment: 'happy-dom',
          include: ['tests/fuzz/**/*.test.ts'],
          setupFiles: ['tests/helpers/setup-dom.ts'],
          server: { deps: { inline: [/solid-js/] } },
          testTimeout: 3_600_000,
        },
      },
    ],
  },
});
