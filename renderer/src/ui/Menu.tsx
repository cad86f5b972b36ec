import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export type MenuEntry =
  | {
      label: string;
      onSelect(): void;
      danger?: boolean;
      /** Its key, as `aria-keyshortcuts` names it ("Delete", "F2"); shown on the right. */
      shortcut?: string;
      /** Why it cannot be chosen now: it stays in the menu (focusable, greyed out) and says so. */
      disabled?: string;
    }
  | 'separator';

const KEY_LABELS: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
  'Alt+ArrowUp': 'Alt+↑',
  'Alt+ArrowDown': 'Alt+↓',
};

interface MenuProps {
  /** The menu's accessible name. */
  label: string;
  /** For the opener's `aria-controls`. */
  id?: string;
  /** The button that toggles this menu: a press on it is left to it (not "a click elsewhere"). */
  opener?: HTMLElement | null;
  /** Which item has the focus first (ArrowUp on a menu button opens on the last). */
  initialFocus?: 'first' | 'last';
  /** Where it opens (viewport coordinates); it is moved back inside the window if needed. */
  at: { x: number; y: number };
  items: MenuEntry[];
  /** Escape, Tab, a click elsewhere, or after an item was chosen. */
  onClose(): void;
}

const MARGIN = 4;

/** The menu that is open now: there is only ever one (opening another closes it). */
let openMenu: { close(): void } | undefined;

/**
 * A popup menu (ARIA `menu`/`menuitem`): arrows, Home/End and first letters move, Enter or a
 * click chooses, Escape/Tab or a click outside closes. The opener restores its own focus.
 */
export function Menu({ label, id, opener, initialFocus = 'first', at, items, onClose }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPos({
      x: Math.max(MARGIN, Math.min(at.x, window.innerWidth - width - MARGIN)),
      y: Math.max(MARGIN, Math.min(at.y, window.innerHeight - height - MARGIN)),
    });
    const all = menu.querySelectorAll<HTMLElement>('[role="menuitem"]');
    all[initialFocus === 'last' ? all.length - 1 : 0]?.focus();
  }, [at, initialFocus]);

  // This menu in the one-open-menu slot (its close kept current: callers may pass a new one).
  const self = useRef({ close: onClose });
  useEffect(() => {
    self.current.close = onClose;
  }, [onClose]);
  useEffect(() => {
    const me = self.current;
    const other = openMenu;
    openMenu = me;
    if (other && other !== me) {
      // The other menu's opener may take the focus back as it closes: this menu keeps it.
      const focused = document.activeElement;
      other.close();
      if (focused instanceof HTMLElement && ref.current?.contains(focused)) focused.focus();
    }
    return () => {
      if (openMenu === me) openMenu = undefined;
    };
  }, []);

  useEffect(() => {
    const outside = (e: Event) => {
      const target = e.target as Node;
      if (!ref.current?.contains(target) && !opener?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('resize', onClose);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('resize', onClose);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose, opener]);

  const onKeyDown = (e: KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') return go(at + 1);
    if (e.key === 'ArrowUp') return go(at - 1);
    if (e.key === 'Home') return go(0);
    if (e.key === 'End') return go(all.length - 1);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      return onClose();
    }
    if (e.key.length === 1 && /\S/.test(e.key)) {
      const letter = e.key.toLowerCase();
      const next = [...all.slice(at + 1), ...all.slice(0, at + 1)].find((el) =>
        el.textContent?.trim().toLowerCase().startsWith(letter),
      );
      if (next) go(all.indexOf(next));
    }
  };

  return createPortal(
    <div
      ref={ref}
      id={id}
      role="menu"
      aria-label={label}
      className="popup-menu"
      style={{ left: pos.x, top: pos.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) =>
        item === 'separator' ? (
          <div key={`sep-${i}`} role="separator" className="popup-menu-separator" />
        ) : (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={`popup-menu-item ${item.danger && !item.disabled ? 'popup-menu-item-danger' : ''} ${item.disabled ? 'hint' : ''}`}
            aria-keyshortcuts={item.shortcut}
            aria-disabled={item.disabled ? true : undefined}
            title={item.disabled}
            onClick={() => {
              if (item.disabled) return;
              onClose();
              item.onSelect();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut && (
              <kbd className="popup-menu-shortcut" aria-hidden="true">
                {KEY_LABELS[item.shortcut] ?? item.shortcut}
              </kbd>
            )}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
