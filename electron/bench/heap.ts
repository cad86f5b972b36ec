import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full GC: `global.gc` under --expose-gc, else enabled at run time (a documented V8 trick). */
function collector(): () => void {
  if (typeof global.gc === 'function') return global.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Memory in use after full collections, so only what is retained is counted: the JS heap plus
 * ArrayBuffers (outside the heap; the key index keeps its key bytes and tables in typed arrays).
 */
export async function retainedMemory(): Promise<number> {
  const gc = collector();
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
