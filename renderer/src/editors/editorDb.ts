import type { KeyBytes } from '../../../shared/api/keys';
import { createContext, useContext } from 'react';

/**
 * The database the editors work in: the db the key was opened from. Every value call names it,
 * so a save lands where the user saw the value, even if the session switched meanwhile.
 */
export const EditorDb = createContext<number | undefined>(undefined);

export function useEditorDb(): number {
  const db = useContext(EditorDb);
  if (db === undefined) throw new Error('An editor was rendered outside <EditorDb.Provider>.');
  return db;
}

/** Where a value call acts: the session, the db the key was seen in, and the key. */
export interface ValueTarget {
  sessionId: string;
  db: number;
  key: KeyBytes;
}
