import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { SessionView } from '../../../shared/api/sessions';
import { DiscardEditsDialog } from '../editors/DiscardEditsDialog';
import { discardEdits, editName, unsavedEdits, type EditPlace } from '../editors/drafts';
import { useNav } from '../nav/navStore';
import { useTranslation } from 'react-i18next';
import { sessionLabel } from '../sessions/sessionLabel';
import { useSessions } from '../sessions/sessionsStore';
import { useProfiles } from '../profiles/profilesStore';

/**
 * A session tab's ×: closes the session and every connection it opened — after asking, when
 * it holds unsaved edits (kept drafts or an editor open now), which closing throws away.
 */
export function CloseSessionButton({ session, active }: { session: SessionView; active: boolean }) {
  const [asking, setAsking] = useState<EditPlace[]>();
  const { t } = useTranslation();
  const label = sessionLabel(
    session,
    useProfiles((s) => !!s.savedFromQuick[session.profileId]),
    t,
  );
  const close = () => {
    discardEdits(session.id);
    void useSessions.getState().close(session.id);
    if (active) useNav.getState().go({ kind: 'home' });
  };
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={t('app.closeSession', { label })}
        onClick={() => {
          const edits = unsavedEdits(session.id);
          if (edits.length === 0) close();
          else setAsking(edits);
        }}
      >
        ×
      </button>
      {asking &&
        // Outside the tab list: a dialog is no part of it.
        createPortal(
          <DiscardEditsDialog
            title={t('app.closeSessionAsk', { label })}
            edits={asking}
            label={(edit) =>
              edit.db === session.db ? editName(edit) : t('app.editInDb', { name: editName(edit), db: edit.db })
            }
            confirmLabel={t('app.discardAndClose')}
            onCancel={() => setAsking(undefined)}
            onConfirm={() => {
              setAsking(undefined);
              close();
            }}
          />,
          document.body,
        )}
    </>
  );
}
