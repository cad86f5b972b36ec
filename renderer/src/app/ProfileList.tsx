import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../shared/api/profiles';
import { useNav } from '../nav/navStore';
import { isSandboxDown, useSandbox } from '../sandbox/sandboxStore';
import { profileSessionState, useSessions } from '../sessions/sessionsStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Menu, type MenuEntry } from '../ui/Menu';
import { StateDot } from '../ui/StateDot';
import { exportProfiles } from '../profiles/profileCalls';
import { groupProfiles, profileAddress, useProfiles } from '../profiles/profilesStore';

const exportProfile = (p: ProfileView) => exportProfiles([p.id]);

function ProfileItem({ profile, onDelete }: { profile: ProfileView; onDelete(p: ProfileView): void }) {
  const state = useSessions((s) => profileSessionState(s, profile.id));
  const { t } = useTranslation();
  const openError = useSessions((s) => s.openErrors[profile.id]);
  const open = useSessions((s) => s.open);
  const sessionId = useSessions((s) => s.order.find((id) => s.sessions[id]?.profileId === profile.id));
  const { go } = useNav.getState();
  const { duplicate, move } = useProfiles.getState();
  const [menuAt, setMenuAt] = useState<{
    at: { x: number; y: number };
    focus: 'first' | 'last';
    opener: HTMLElement;
  }>();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const active = useNav(
    (s) =>
      (s.screen.kind === 'session' && s.screen.sessionId === sessionId) ||
      ((s.screen.kind === 'topology' || s.screen.kind === 'sandbox') && s.screen.profileId === profile.id),
  );

  const connect = async () => {
    // Its sandbox stopped with Redlens: offer to start it again rather than fail to connect.
    if (!sessionId && isSandboxDown(useSandbox.getState(), profile.id))
      return go({ kind: 'sandbox', profileId: profile.id });
    const id = sessionId ?? (await open(profile.id));
    // A failed first connect has no session: the home screen shows the error next to the profile.
    go(id ? { kind: 'session', sessionId: id } : { kind: 'home' });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      void move(profile.id, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Delete') onDelete(profile);
    else if (e.key === 'F2') go({ kind: 'edit', profileId: profile.id });
  };

  const openMenu = (focus: 'first' | 'last') => {
    const opener = menuButton.current;
    const rect = opener?.getBoundingClientRect();
    if (opener && rect) setMenuAt({ at: { x: rect.left, y: rect.bottom + 2 }, focus, opener });
  };
  // Escape, Tab, a choice or a click elsewhere: the focus goes back to the ⋯ button (a choice
  // that opens a dialog then returns there too).
  const closeMenu = useCallback(() => {
    // Only if the focus is in this menu (not in another one that just opened and closed this one).
    if (document.getElementById(menuId)?.contains(document.activeElement)) menuButton.current?.focus();
    setMenuAt(undefined);
  }, [menuId]);
  const onMenuButtonKey = (e: KeyboardEvent) => {
    // A menu button: Enter and Space click it; the arrows open it on the first or last item.
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
  };
  const menuItems: MenuEntry[] = [
    { label: t('profiles.menuEdit'), shortcut: 'F2', onSelect: () => go({ kind: 'edit', profileId: profile.id }) },
    // The deployment without a data session: what is up, what is down, even when connecting fails.
    ...(profile.kind === 'sentinel'
      ? [{ label: t('session.viewTopology'), onSelect: () => go({ kind: 'topology', profileId: profile.id }) }]
      : []),
    { label: t('profiles.menuDuplicate'), onSelect: () => void duplicate(profile.id) },
    { label: t('profiles.menuMoveUp'), shortcut: 'Alt+ArrowUp', onSelect: () => void move(profile.id, -1) },
    { label: t('profiles.menuMoveDown'), shortcut: 'Alt+ArrowDown', onSelect: () => void move(profile.id, 1) },
    { label: t('profiles.menuExport'), onSelect: () => void exportProfile(profile) },
    'separator',
    { label: t('profiles.menuDelete'), shortcut: 'Delete', danger: true, onSelect: () => onDelete(profile) },
  ];

  // A failed first connect has no session: the dot still says it failed.
  const dot = openError && !state ? 'failed' : state;
  return (
    <li className={`profile-item color-${profile.color} ${active ? 'profile-active' : ''}`}>
      <button
        type="button"
        className="profile-main"
        aria-label={
          state
            ? t('profiles.itemWithState', { name: profile.name, state: t(`session.states.${state}`) })
            : profile.name
        }
        aria-current={active ? 'page' : undefined}
        onClick={() => void connect()}
        onKeyDown={onKey}
        title={t('profiles.itemHint', { address: profileAddress(profile) })}
      >
        <StateDot state={dot} />
        <span className="profile-name">{profile.name}</span>
        <span className="profile-kind" aria-label={t(`profiles.kinds.${profile.kind}`)}>
          {profile.kind === 'sentinel' ? 'S' : ''}
        </span>
      </button>
      <button
        ref={menuButton}
        type="button"
        className="icon-button"
        aria-label={t('profiles.actionsFor', { name: profile.name })}
        aria-haspopup="menu"
        aria-expanded={!!menuAt}
        aria-controls={menuAt ? menuId : undefined}
        onClick={() => (menuAt ? closeMenu() : openMenu('first'))}
        onKeyDown={onMenuButtonKey}
      >
        ⋯
      </button>
      {menuAt && (
        <Menu
          id={menuId}
          label={t('profiles.actionsFor', { name: profile.name })}
          at={menuAt.at}
          initialFocus={menuAt.focus}
          opener={menuAt.opener}
          items={menuItems}
          onClose={closeMenu}
        />
      )}
    </li>
  );
}

/** The sidebar's saved connections, by group, with a live state dot each. */
export function ProfileList() {
  const profiles = useProfiles((s) => s.profiles);
  const remove = useProfiles((s) => s.remove);
  const [deleting, setDeleting] = useState<ProfileView>();
  const { t } = useTranslation();
  if (profiles.length === 0) return <p className="side-empty">{t('profiles.none')}</p>;
  return (
    <>
      {groupProfiles(profiles).map(({ group, profiles: list }) => (
        <div key={group ?? ''} className="profile-group">
          {group && <h3 className="group-heading">{group}</h3>}
          <ul className="profile-list" aria-label={group ? t('profiles.inGroup', { group }) : t('app.connections')}>
            {list.map((p) => (
              <ProfileItem key={p.id} profile={p} onDelete={setDeleting} />
            ))}
          </ul>
        </div>
      ))}
      {deleting && (
        <ConfirmDialog
          title={t('profiles.deleteTitle')}
          message={t('profiles.deleteMessage', { name: deleting.name })}
          confirmLabel={t('profiles.deleteConfirm')}
          danger
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => {
            void remove(deleting.id);
            setDeleting(undefined);
          }}
        />
      )}
    </>
  );
}
