// Vite build for the planner: Solid JSX, the AssemblyScript solver compiled by
// asc as part of `vite` / `vite build`, and the worker bundled as an ES module.
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { ANY_WEB_HOST, buildPolicy } from './web/src/csp-policy';

/** Compiles the solver with asc (release target) before Vite resolves `?url` imports of it. */
function assemblyScript(): Plugin {
  let built = false;
  return {
    name: 'assemblyscript-solver',
    async buildStart() {
      if (built) return;
      const asc = await import('assemblyscript/asc');
      const { error, stderr } = await asc.main([
        'solver-as/assembly/index.ts', '--config', 'asconfig.json', '--target', 'release',
      ]);
      if (error) throw new Error(`asc failed: ${error.message}\n${stderr.toString()}`);
      built = true;
    },
  };
}

/**
 * Writes the build-time Content Security Policy into index.html as the first element of <head>,
 * so it covers every script and stylesheet the page loads. It admits any web host for images and
 * requests; web/src/csp-boot.ts adds, before the app starts, a second policy that narrows them to
 * the configured hosts (a page must satisfy both). The dev server's variant allows Vite's
 * injected <style> elements and its HMR websocket.
 */
function contentSecurityPolicy(): Plugin {
  let dev = false;
  return {
    name: 'content-security-policy',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml: () => [{
      tag: 'meta', injectTo: 'head-prepend',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: buildPolicy({ hosts: ANY_WEB_HOST, dev }) },
    }],
  };
}

/**
 * The installable app: manifest + a Workbox service worker that precaches everything the planner
 * needs offline — the app shell, the worker chunk, the solver's .wasm (Workbox's default patterns
 * leave .wasm out) and the demo scenario. vite-plugin-pwa is the maintained Vite integration of
 * Workbox; `prompt` means a new version waits for the user (see web/src/pwa.ts), never reloads by itself.
 */
function installableApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Final Mile Planner',
      short_name: 'Final Mile',
      description: 'Plan final-mile delivery routes in your browser, offline and private.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1f5ea8',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,wasm,json,svg}'],
      // The release solver is well under this; a bigger file would silently drop out of the precache.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The page of a first visit is controlled as soon as the worker is active, so what loads on first use (the
      // windows' chunks, web/src/components/ui/lazy-parts.ts; the QR scanner; the spreadsheet reader) comes from the
      // precache even when the network is gone before any reload. Updates still wait for the user (no skipWaiting).
      clientsClaim: true,
    },
  });
}

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  plugins: [assemblyScript(), contentSecurityPolicy(), solid(), installableApp()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keep the .wasm a separate asset so it is served as application/wasm and streams.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  worker: { format: 'es' },
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 4173 },
});
