// Vite build for the planner: Solid JSX, the AssemblyScript solver compiled by
// asc as part of `vite` / `vite build`, and the worker bundled as an ES module.
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

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

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  plugins: [assemblyScript(), solid()],
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
