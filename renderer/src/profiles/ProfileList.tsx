import { useState, type KeyboardEvent } from 'react';
import type { ProfileView } from '../../../shared/api/profiles';
import { useNav } from '../nav/navStore';
import { isSandboxDown, useSandbox } from '../sandbox/sandboxStore';
import { profileSessionState, useSessions } from '../sessions/sessionsStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { StateDot } from '../ui/StateDot';
import { exportProfiles } from './ImportExport';
import { groupProfiles, profileAddress, useProfiles } from './profilesStore';

const exportProfile = (p: ProfileView) => exportProfiles([p.id]);

function ProfileItem({ profile, onDelete }: { profile: ProfileView; onDelete(p: ProfileView): void }) {
  const state = useSessions((s) => profileSessionState(s, profile.id));
  const openError = useSessions((s) => s.openErrors[profile.id]);
  const open = useSessions((s) => s.open);
  const sessionId = useSessions((s) => s.order.find((id) => s.sessions[id]?.profileId === profile.id));
  const { go } = useNav.getState();
  const { duplicate, move } = useProfiles.getState();
  const [menu, setMenu] = useState(false);
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

  return (
    <li className={`profile-item color-${profile.color} ${active ? 'profile-active' : ''}`}>
      <button
        type="button"
        className="profile-main"
        aria-label={state ? `${profile.name}, ${state}` : profile.name}
        aria-current={active ? 'page' : undefined}
        onClick={() => void connect()}
        onKeyDown={onKey}
        title={`${profileAddress(profile)} — Enter connects, F2 edits, Alt+↑/↓ moves, Delete removes`}
      >
        <StateDot state={openError && !state ? 'failed' : state} />
        <span className="profile-name">{profile.name}</span>
        <span className="profile-kind" aria-label={profile.kind}>
          {profile.kind === 'sentinel' ? 'S' : ''}
        </span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Actions for ${profile.name}`}
        aria-expanded={menu}
        onClick={() => setMenu(!menu)}
      >
        ⋯
      </button>
      {menu && (
        <ul className="menu" role="menu" onMouseLeave={() => setMenu(false)}>
          {[
            ['Edit', () => go({ kind: 'edit', profileId: profile.id })],
            // The deployment without a data session: what is up, what is down, even when connecting fails.
            ...(profile.kind === 'sentinel'
              ? [['View topology', () => go({ kind: 'topology', profileId: profile.id })] as const]
              : []),
            ['Duplicate', () => void duplicate(profile.id)],
            ['Move up', () => void move(profile.id, -1)],
            ['Move down', () => void move(profile.id, 1)],
            ['Export…', () => void exportProfile(profile)],
            ['Delete…', () => onDelete(profile)],
          ].map(([label, action]) => (
            <li key={label as string} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setMenu(false);
                  (action as () => void)();
                }}
              >
                {label as string}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The sidebar's saved connections, by group, with a live state dot each. */
export function ProfileList() {
  const profiles = useProfiles((s) => s.profiles);
  const remove = useProfiles((s) => s.remove);
  const [deleting, setDeleting] = useState<ProfileView>();
  if (profiles.length === 0) return <p className="side-empty">No saved connections yet.</p>;
  return (
    <>
      {groupProfiles(profiles).map(({ group, profiles: list }) => (
        <div key={group ?? ''} className="profile-group">
          {group && <h3 className="group-heading">{group}</h3>}
          <ul className="profile-list" aria-label={group ? `Connections in ${group}` : 'Connections'}>
            {list.map((p) => (
              <ProfileItem key={p.id} profile={p} onDelete={setDeleting} />
            ))}
          </ul>
        </div>
      ))}
      {deleting && (
        <ConfirmDialog
          title="Delete connection?"
          message={`“${deleting.name}” and its saved passwords will be removed. The server is not touched.`}
          confirmLabel="Delete"
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
