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
 * V8 frees dead ArrayBuffers on a background thread after the collection, so this waits until
 * the figure stops falling (a dropped 500 MB index takes a moment to disappear from it).
 */
export async function retainedMemory(): Promise<number> {
  const gc = collector();
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  let last = Infinity;
  for (let i = 0; i < 50; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = used();
    if (now > last - 2 ** 20) return Math.min(now, last);
    last = now;
  }
  return last;
}
