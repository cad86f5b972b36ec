import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Plain-Node entry points (no Electron): the web host, the `npm start` launcher and the
// Redis sandbox. Dependencies stay external and load from node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  /^ioredis(\/.*)?$/,
];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/node',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        serve: resolve('electron/webhost/main.ts'),
        start: resolve('electron/launcher/main.ts'),
        sandbox: resolve('electron/sandbox/main.ts'),
        bench: resolve('bench/main.ts'),
      },
      external,
      // Chunks sit next to the entries: code resolves ../renderer and ../../ from import.meta.url.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
