// Browser tests in Debian's Chromium (Playwright cannot download its own here)
// against a production build served by `vite preview`. The tests themselves
// block every non-localhost request, so the run works on a closed network.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs share a machine: each gets its own port, build and results folder.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUFFIX = process.env.E2E_PORT ? `-${PORT}` : '';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `${ROOT}test-results${SUFFIX}`,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // The Vite config compiles the WASM solver as part of the build.
    command: `npx vite build --outDir ${ROOT}dist${SUFFIX} && npx vite preview --outDir ${ROOT}dist${SUFFIX} --port ${PORT} --strictPort`,
    cwd: ROOT,
    url: `http://localhost:${PORT}`,
    // Always a fresh build: a server left running could serve stale code.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
