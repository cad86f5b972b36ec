import { describe, expect, it } from 'vitest';
import { decodeKey } from '../keyBytes';
import { prepareBigFolders } from './folderPrep';
import { KeyIndex } from './keyIndex';
import { naturalCompare } from './naturalCompare';

const folderOf = (index: KeyIndex, prefix: string) => [...index.folders()].find((f) => f.prefix === prefix)!;

function bigIndex(): KeyIndex {
  const index = new KeyIndex(':');
  // 6,000 keys in one folder, added in shuffled order; 5,000 subfolders in another; small ones.
  for (let i = 0; i < 6_000; i++) index.add(Buffer.from(`big:${(i * 7919) % 6_000}`));
  for (let i = 0; i < 5_000; i++) index.add(Buffer.from(`groups:${i}:x`));
  for (let i = 0; i < 50; i++) index.add(Buffer.from(`small:${i}`));
  return index;
}

describe('prepareBigFolders', () => {
  it('orders the head of big folders ahead of time, and only of big ones', async () => {
    const index = bigIndex();
    await prepareBigFolders(index, () => true);
    expect(folderOf(index, 'big:').keyOrder).toBeDefined();
    expect(folderOf(index, 'groups:').folderOrder).toBeDefined();
    expect(folderOf(index, 'small:').keyOrder).toBeUndefined();
    // What the tree then shows is in natural order, as without preparation.
    index.setExpanded('big:', true);
    const at = index.rows(0, 10, 'tree').rows.findIndex((r) => r.kind === 'folder' && r.count === 6_000);
    const names = index.rows(at + 1, 12, 'tree').rows.map((r) => decodeKey(r.name).toString());
    expect(names).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    const tail = index.rows(at + 5_999, 2, 'tree').rows.map((r) => decodeKey(r.name).toString());
    expect(tail).toEqual(['5998', '5999']);
  });

  it('stops when the index is replaced', async () => {
    const index = bigIndex();
    await prepareBigFolders(index, () => false);
    expect(folderOf(index, 'big:').keyOrder).toBeUndefined();
  });

  it('keeps an order prepared before keys were added and removed', async () => {
    const index = bigIndex();
    await prepareBigFolders(index, () => true);
    index.add(Buffer.from('big:x'));
    index.add(Buffer.from('big:05'));
    index.remove('big:0');
    index.setExpanded('big:', true);
    const at = index.rows(0, 10, 'tree').rows.findIndex((r) => r.kind === 'folder' && r.count === 6_001);
    const names = index.rows(at + 1, 6_001, 'tree').rows.map((r) => decodeKey(r.name).toString());
    const expected = [...Array.from({ length: 5_999 }, (_, i) => String(i + 1)), 'x', '05'].sort(naturalCompare);
    expect(names).toEqual(expected);
  });
});
