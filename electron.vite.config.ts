import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { cspMetaPlugin } from './electron/main/cspMetaPlugin';

// The desktop build: Electron main (ESM), preload (one CommonJS file, as a sandboxed preload
// must be) and the renderer, into out/. The web host is built by vite.node.config.ts.
export default defineConfig(({ command }) => ({
  main: {
    // Only `electron-vite dev` builds may load the renderer from a dev server (see rendererSource.ts).
    define: { __REDLENS_DEV_BUILD__: JSON.stringify(command === 'serve') },
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Everything inlined except electron itself: a sandboxed preload cannot require modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), cspMetaPlugin()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
}));
