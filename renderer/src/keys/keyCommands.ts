import type { TFunction } from 'i18next';
import type { KeyBytes, KeyRow } from '../../../shared/api/keys';
import { i18n } from '../i18n/i18n';
import type { MenuEntry } from '../ui/Menu';
import type { FolderRow } from './resolveSelection';

/** Everything the tree, its context menu and the selection bar can ask the key browser to do. */
export type KeyCommand =
  | { kind: 'open'; key: KeyBytes }
  | { kind: 'copy'; name: KeyBytes; what: 'name' | 'prefix' }
  | { kind: 'toggleFolder'; row: FolderRow }
  | { kind: 'rename'; key: KeyBytes }
  | { kind: 'ttl'; key: KeyBytes }
  | { kind: 'deleteKey'; key: KeyBytes }
  | { kind: 'deleteFolder'; row: FolderRow }
  | { kind: 'deleteSelection' }
  | { kind: 'ttlSelection' }
  | { kind: 'clearSelection' };

/** Commands that write: a read-only session never offers them. */
export const WRITES: ReadonlySet<KeyCommand['kind']> = new Set([
  'rename',
  'ttl',
  'deleteKey',
  'deleteFolder',
  'deleteSelection',
  'ttlSelection',
]);

/** What the context menu acts on: one row, or a selection of several rows. */
export type MenuTarget = { kind: 'row'; row: KeyRow } | { kind: 'selection'; size: number };

type Item = { label: string; command: KeyCommand; danger?: boolean; shortcut?: string };

function itemsFor(target: MenuTarget, t: TFunction): (Item | 'separator')[] {
  if (target.kind === 'selection') {
    return [
      {
        label: t('keys.menu.deleteSelected', { n: target.size }),
        command: { kind: 'deleteSelection' },
        danger: true,
        shortcut: 'Delete',
      },
      { label: t('keys.menu.ttlSelected'), command: { kind: 'ttlSelection' } },
      'separator',
      { label: t('keys.menu.clearSelection'), command: { kind: 'clearSelection' }, shortcut: 'Escape' },
    ];
  }
  const row = target.row;
  if (row.kind === 'folder') {
    return [
      {
        label: row.expanded ? t('keys.menu.collapse') : t('keys.menu.expand'),
        command: { kind: 'toggleFolder', row },
        shortcut: row.expanded ? 'ArrowLeft' : 'ArrowRight',
      },
      { label: t('keys.menu.copyPrefix'), command: { kind: 'copy', name: row.prefix, what: 'prefix' } },
      'separator',
      { label: t('keys.menu.deleteFolder'), command: { kind: 'deleteFolder', row }, danger: true, shortcut: 'Delete' },
    ];
  }
  return [
    { label: t('keys.menu.open'), command: { kind: 'open', key: row.key }, shortcut: 'Enter' },
    { label: t('keys.menu.copyName'), command: { kind: 'copy', name: row.key, what: 'name' } },
    'separator',
    { label: t('keys.menu.rename'), command: { kind: 'rename', key: row.key }, shortcut: 'F2' },
    { label: t('keys.menu.ttl'), command: { kind: 'ttl', key: row.key } },
    'separator',
    { label: t('keys.menu.delete'), command: { kind: 'deleteKey', key: row.key }, danger: true, shortcut: 'Delete' },
  ];
}

/**
 * The context menu's entries for a target; on a read-only session the write actions are not
 * there at all (not greyed out), and separators left dangling go with them. While writes are
 * `paused` (no master, reconnecting) they stay, disabled with the reason.
 */
export function menuEntries(
  target: MenuTarget,
  readOnly: boolean,
  run: (c: KeyCommand) => void,
  paused?: string,
  t: TFunction = i18n.t,
): MenuEntry[] {
  const kept = itemsFor(target, t).filter((i) => i === 'separator' || !readOnly || !WRITES.has(i.command.kind));
  const entries: MenuEntry[] = kept.map((i) =>
    i === 'separator'
      ? i
      : {
          label: i.label,
          danger: i.danger,
          shortcut: i.shortcut,
          ...(paused && WRITES.has(i.command.kind) && { disabled: paused }),
          onSelect: () => run(i.command),
        },
  );
  const out: MenuEntry[] = [];
  for (const e of entries) if (e !== 'separator' || (out.length > 0 && out.at(-1) !== 'separator')) out.push(e);
  if (out.at(-1) === 'separator') out.pop();
  return out;
}
