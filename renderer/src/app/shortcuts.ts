import { useNav } from '../nav/navStore';
import { useNewKeyRequests } from '../editors/newKeyRequests';
import { useSessions } from '../sessions/sessionsStore';

type Area = 'dialog' | 'session' | 'other';

function focusedArea(target: EventTarget | null): Area {
  const el = target instanceof Element ? target : null;
  if (el?.closest('dialog')) return 'dialog';
  const screen = useNav.getState().screen;
  if (screen.kind !== 'session') return 'other';
  // Nothing focused (e.g. after a click on plain text) while the session shows: it is the session.
  if (!el || el === document.body || el === document.documentElement) return 'session';
  return el.closest('main, .tabs') ? 'session' : 'other';
}

/**
 * The app-wide Ctrl+N (window keydown) follows the focused area: inside a session (its tab, its
 * views, or nothing focused while it is on screen) it is New key; in the connections list and on
 * every other screen it is New connection; inside a dialog it does nothing.
 */
export function onNewShortcut(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'n') return;
  e.preventDefault();
  const area = focusedArea(document.activeElement);
  if (area === 'dialog') return;
  const screen = useNav.getState().screen;
  if (area === 'other' || screen.kind !== 'session') return useNav.getState().go({ kind: 'edit' });
  const sessions = useSessions.getState();
  const session = sessions.sessions[screen.sessionId];
  // A read-only or failed session offers no New key: nothing happens (never a surprise form).
  if (!session || session.readOnly || session.state === 'failed') return;
  if (sessions.tabs[session.id] !== 'keys') sessions.setTab(session.id, 'keys');
  useNewKeyRequests.getState().ask(session.id);
}
