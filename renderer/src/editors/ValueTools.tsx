import { useEffect, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import { keyId } from '../ui/keyText';
import { useKeys, useSelectedKeys } from '../keys/keysStore';
import { recount } from '../sessions/keyCounts';
import { useWritePause } from '../sessions/sessionsStore';
import { CompareDialog } from './CompareDialog';
import { EditorDb } from './editorDb';
import { NewKeyDialog } from './NewKeyDialog';
import { useNewKeyRequests } from './newKeyRequests';

const NO_KEYS: KeyBytes[] = [];

/**
 * The key browser's value actions: New key (Ctrl+N while the focus is in this session) and
 * Compare, offered when several string keys are selected in the tree.
 */
export function ValueTools({
  sessionId,
  readOnly,
  onNotice,
}: {
  sessionId: string;
  readOnly: boolean;
  onNotice(notice: { text: string }): void;
}) {
  const [dialog, setDialog] = useState<'new' | 'compare'>();
  const [compared, setCompared] = useState<KeyBytes[]>(NO_KEYS);
  const selected = useSelectedKeys(sessionId) ?? NO_KEYS;
  const meta = useKeys((st) => st.bySession[sessionId]?.meta);
  const strings = selected.filter((k) => {
    const type = meta?.[keyId(k)]?.type;
    return type === undefined || type === 'string';
  });
  const paused = useWritePause(sessionId);
  // The dialogs are modal: the db cannot change while one is open.
  const db = useKeys((st) => st.bySession[sessionId]?.db ?? 0);

  // Ctrl+N inside this session (see app/shortcuts): taken here, also when it made the Keys view mount.
  const newKeyAsked = useNewKeyRequests((s) => s.newKeyFor === sessionId);
  useEffect(() => {
    if (newKeyAsked && useNewKeyRequests.getState().take(sessionId) && !readOnly) setDialog('new');
  }, [newKeyAsked, sessionId, readOnly]);

  return (
    <div className="value-tools">
      {!readOnly && (
        <button
          type="button"
          disabled={!!paused}
          onClick={() => setDialog('new')}
          aria-keyshortcuts="Control+N"
          title={paused ?? 'New key (Ctrl+N)'}
        >
          + New key
        </button>
      )}
      {strings.length >= 2 && (
        <button
          type="button"
          onClick={() => {
            setCompared(strings.slice(0, 100));
            setDialog('compare');
          }}
        >
          Compare {strings.length} values
        </button>
      )}
      {dialog === 'new' && (
        <EditorDb.Provider value={db}>
          <NewKeyDialog
            sessionId={sessionId}
            onClose={() => setDialog(undefined)}
            onCreated={(key, text) => {
              if (key !== undefined) useKeys.getState().open(sessionId, key);
              recount(sessionId);
              onNotice({ text });
            }}
          />
        </EditorDb.Provider>
      )}
      {dialog === 'compare' && (
        <EditorDb.Provider value={db}>
          <CompareDialog sessionId={sessionId} keys={compared} onClose={() => setDialog(undefined)} />
        </EditorDb.Provider>
      )}
    </div>
  );
}
