import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../shared/api/keys';
import { menuEntries, type KeyCommand, type MenuTarget } from './keyCommands';

const keyRow: KeyRow = { kind: 'key', key: 'user:1', name: '1', depth: 1 };
const folderRow: KeyRow = { kind: 'folder', prefix: 'user:', name: 'user', depth: 0, count: 3, expanded: true };
const labels = (target: MenuTarget, readOnly: boolean) =>
  menuEntries(target, readOnly, () => {}).map((e) => (e === 'separator' ? '—' : e.label));

describe('context menu entries', () => {
  it('offers every action on a writable session', () => {
    expect(labels({ kind: 'row', row: keyRow }, false)).toEqual([
      'Open',
      'Copy name',
      '—',
      'Rename…',
      'Set TTL…',
      '—',
      'Delete…',
    ]);
    expect(labels({ kind: 'row', row: folderRow }, false)).toEqual(['Collapse', 'Copy prefix', '—', 'Delete folder…']);
    expect(labels({ kind: 'selection', size: 1234 }, false)).toEqual([
      'Delete 1,234 selected…',
      'Set TTL of selected keys…',
      '—',
      'Clear selection',
    ]);
  });

  it('leaves write actions out entirely on a read-only session, with no stray separators', () => {
    expect(labels({ kind: 'row', row: keyRow }, true)).toEqual(['Open', 'Copy name']);
    expect(labels({ kind: 'row', row: folderRow }, true)).toEqual(['Collapse', 'Copy prefix']);
    expect(labels({ kind: 'selection', size: 3 }, true)).toEqual(['Clear selection']);
  });

  it('keeps write actions while writes are paused, disabled with the reason', () => {
    const reason = 'Writes are paused: no master (failover in progress).';
    const entries = menuEntries({ kind: 'row', row: keyRow }, false, () => {}, reason);
    const disabled = entries.flatMap((e) => (e !== 'separator' && e.disabled ? [[e.label, e.disabled]] : []));
    expect(disabled).toEqual([
      ['Rename…', reason],
      ['Set TTL…', reason],
      ['Delete…', reason],
    ]);
  });

  it('runs the command of the chosen entry', () => {
    const ran: KeyCommand[] = [];
    const entries = menuEntries({ kind: 'row', row: keyRow }, false, (c) => ran.push(c));
    const rename = entries.find((e) => e !== 'separator' && e.label === 'Rename…');
    if (rename && rename !== 'separator') rename.onSelect();
    expect(ran).toEqual([{ kind: 'rename', key: 'user:1' }]);
  });
});
