// `npm run sandbox` entry (bundled to out/node/sandbox.js): see runSandbox.ts.
import { runSandbox } from './runSandbox.js';

void runSandbox(process.argv.slice(2), (line) => console.log(line)).then((code) => process.exit(code));
