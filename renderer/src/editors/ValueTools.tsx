import { useEffect, useRef, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import { keyId } from '../keys/keyText';
import { useKeys, useSelectedKeys } from '../keys/keysStore';
import { recount } from '../sessions/keyCounts';
import { useWritePause } from '../sessions/sessionsStore';
import { CompareDialog } from './CompareDialog';
import { EditorDb } from './editorDb';
import { NewKeyDialog } from './NewKeyDialog';

const NO_KEYS: KeyBytes[] = [];

/**
 * The key browser's value actions: New key (Ctrl+N while the key browser has the focus) and
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
  const bar = useRef<HTMLDivElement>(null);
  const paused = useWritePause(sessionId);
  // The dialogs are modal: the db cannot change while one is open.
  const db = useKeys((st) => st.bySession[sessionId]?.db ?? 0);

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      const browser = bar.current?.closest('.key-browser');
      const inside = browser && document.activeElement && browser.contains(document.activeElement);
      if (!inside || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'n') return;
      if (document.activeElement?.closest('dialog')) return;
      // Before the app's own Ctrl+N (new connection), which applies outside the key browser.
      e.preventDefault();
      e.stopPropagation();
      setDialog('new');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [readOnly]);

  return (
    <div className="value-tools" ref={bar}>
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
