import type { KeyFolder } from './keyFolder';
import type { KeyIndex } from './keyIndex';

/** Folders smaller than this open fast enough when first shown (sorting their head is cheap). */
const MIN_CHILDREN = 4_096;
/** Bigger ones are left to sort when shown: preparing one would hold the event loop too long. */
const MAX_CHILDREN = 250_000;
/** Children ordered ahead of time in all (each costs ~16 bytes for as long as the index lives). */
const BUDGET = 2_000_000;
/** Rows put in order per folder: a screenful and then some. */
const HEAD = 200;
/** Longest stretch of work between two turns of the event loop. */
const SLICE_MS = 8;

const childCount = (f: KeyFolder) => f.keyCount + (f.folders?.size ?? 0);

/**
 * After a scan, puts the first rows of the biggest folders in order in the background, so that
 * expanding a folder of 100,000 keys shows its rows without first collecting and partitioning
 * them (tens of ms with 10M keys in the index). Works in slices of a few ms between API calls;
 * stops as soon as `current()` says the index was replaced.
 */
export async function prepareBigFolders(index: KeyIndex, current: () => boolean): Promise<void> {
  const big: KeyFolder[] = [];
  const walk = index.folders();
  for (let done = false; !done;) {
    if (!(await nextTurn(current))) return;
    const until = performance.now() + SLICE_MS;
    while (performance.now() < until) {
      const next = walk.next();
      if ((done = !!next.done)) break;
      const n = childCount(next.value);
      if (n >= MIN_CHILDREN && n <= MAX_CHILDREN) big.push(next.value);
    }
  }
  big.sort((a, b) => childCount(b) - childCount(a));
  let budget = BUDGET;
  for (const folder of big) {
    budget -= childCount(folder);
    if (budget < 0 || !(await nextTurn(current))) return;
    // Still there and still big (keys may have been deleted meanwhile)?
    if (folder.count > 0 && childCount(folder) >= MIN_CHILDREN) index.prepareOrder(folder, HEAD);
  }
}

const nextTurn = async (current: () => boolean) => {
  await new Promise((resolve) => setImmediate(resolve));
  return current();
};
