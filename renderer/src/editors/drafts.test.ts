import { describe, expect, it } from 'vitest';
import {
  allUnsavedEdits,
  discardEdits,
  draftId,
  editName,
  getDraft,
  openEdit,
  putDraft,
  unsavedEdits,
  type Draft,
} from './drafts';

const draft = (text: string): Draft => ({
  text,
  view: 'text',
  style: 'compact',
  escaped: false,
  base: { bytes: new Uint8Array(), version: 'v1' },
});

describe('unsaved edits', () => {
  it('lists kept drafts and open editors per session and db, named as keys are shown, and discards them', () => {
    let discarded = 0;
    putDraft({ sessionId: 's1', db: 0, key: 'b' }, draft('x'));
    putDraft({ sessionId: 's1', db: 0, key: 'h', field: ' f' }, draft('y'));
    putDraft({ sessionId: 's1', db: 2, key: 'a' }, draft('z'));
    putDraft({ sessionId: 's2', db: 0, key: 'other' }, draft('w'));
    openEdit({ sessionId: 's1', db: 0, key: { base64: 'Y2Fm6Q==' } }, () => discarded++);
    // The same value kept and open at once is one edit.
    openEdit({ sessionId: 's1', db: 0, key: 'b' }, () => discarded++);

    expect(unsavedEdits('s1').map(editName)).toEqual(['a', 'b', 'caf\\xe9', 'h — field “\\x20f”']);
    expect(unsavedEdits('s1', 0)).toHaveLength(3);
    expect(allUnsavedEdits()).toHaveLength(5);

    discardEdits('s1', 0);
    expect(discarded).toBe(2);
    expect(unsavedEdits('s1').map(editName)).toEqual(['a']);
    expect(getDraft(draftId({ sessionId: 's1', db: 0, key: 'b' }))).toBeUndefined();
    discardEdits('s1');
    discardEdits('s2');
    expect(allUnsavedEdits()).toEqual([]);
  });

  it('keeps a key of the same name in another db apart', () => {
    expect(draftId({ sessionId: 's', db: 0, key: 'k' })).not.toBe(draftId({ sessionId: 's', db: 1, key: 'k' }));
  });
});
