import { useEffect, useRef, useState } from 'react';
import { useSessions } from '../sessions/sessionsStore';
import { DiscardEditsDialog } from './DiscardEditsDialog';
import { allUnsavedEdits, discardEdits, editName, type EditPlace } from './drafts';

/**
 * Closing or reloading the page with unsaved edits asks first (`beforeunload`). A browser asks
 * with its own prompt (it shows no text of ours). The desktop app's window shows none: Electron
 * cancels the close silently, so this asks in the window, naming the edits, and closes it when
 * told to discard them.
 */
export function UnloadGuard() {
  const [asking, setAsking] = useState<EditPlace[]>();
  const discarded = useRef(false);
  const sessions = useSessions((s) => s.sessions);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (discarded.current) return;
      const edits = allUnsavedEdits();
      if (edits.length === 0) return;
      e.preventDefault();
      e.returnValue = 'Unsaved edits will be lost.'; // older browsers and Electron want it set
      if (window.redlens) setAsking(edits);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  if (!asking) return null;
  const several = new Set(asking.map((e) => e.sessionId)).size > 1;
  return (
    <DiscardEditsDialog
      title="Close Redlens?"
      edits={asking}
      label={(edit) => {
        const session = sessions[edit.sessionId];
        const db = session && session.db !== edit.db ? ` (db${edit.db})` : '';
        return several && session ? `${session.profileName}: ${editName(edit)}${db}` : `${editName(edit)}${db}`;
      }}
      confirmLabel="Discard and close"
      onCancel={() => setAsking(undefined)}
      onConfirm={() => {
        discarded.current = true;
        for (const id of new Set(asking.map((e) => e.sessionId))) discardEdits(id);
        window.close();
      }}
    />
  );
}
