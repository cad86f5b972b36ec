import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '../webhost/serveCli';
import { ELECTRON_MISSING_LINE, findElectronBinary } from './findElectronBinary';

// Entry of `npm start` (after the build): the desktop app when Electron is there, else the web host.
const binary = findElectronBinary();
if (binary) {
  // The project root: Electron reads package.json (name, "main": out/main/index.js) from it.
  const appDir = fileURLToPath(new URL('../../', import.meta.url));
  const child = spawn(binary.path, [appDir, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
} else {
  console.log(ELECTRON_MISSING_LINE);
  serve(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  });
}
