import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/result';
import type { FieldConflictDetails, StringConflictDetails, WriteResult } from '../../../shared/api/values';
import {
  afterSave,
  byteEditorReducer,
  initialByteEditState,
  isDirty,
  showsHexGrid,
  writeOutcome,
  type ByteEditAction,
  type ByteEditState,
} from './byteEditorState';
import type { Draft } from './drafts';
import type { LoadedValue } from './loadedValue';
import { BIG_VALUE_BYTES, HEX_GRID_BYTES } from './valueViews';

const utf8 = (text: string) => new TextEncoder().encode(text);
const loadedOf = (bytes: Uint8Array, version: string | null = 'v1', extra: Partial<LoadedValue> = {}): LoadedValue => ({
  bytes,
  version,
  size: bytes.length,
  partial: false,
  ...extra,
});
const run = (s: ByteEditState, ...actions: ByteEditAction[]) => actions.reduce(byteEditorReducer, s);
/** A write answered, as ByteEditor handles it: the outcome decides the action. */
function written(s: ByteEditState, bytes: Uint8Array, result: Result<WriteResult>, editorText?: Text) {
  const outcome = writeOutcome(bytes, result);
  if (!('saved' in outcome)) return byteEditorReducer(s, { type: 'notSaved', outcome });
  const after = afterSave(s, bytes, editorText);
  return byteEditorReducer(s, { type: 'saved', bytes, result: outcome.saved, at: '12:00:00', after });
}
const ok = (version: string, size: number, ttlMs = -1): Result<WriteResult> => ({
  ok: true,
  value: { version, size, ttlMs, keySize: size },
});
/** A CONFLICT naming what the server holds now (a string's details carry its TTL, a field's do not). */
function conflict(bytes: Uint8Array, version: string | null, ttlMs?: number): Result<WriteResult> {
  const value = new TextDecoder().decode(bytes);
  const loaded = { value, size: bytes.length, partial: version === null, loadedBytes: bytes.length, version };
  const details: StringConflictDetails | FieldConflictDetails =
    ttlMs === undefined ? { current: { ...loaded, field: 'f' } } : { current: { ...loaded, ttlMs } };
  return { ok: false, error: { code: 'CONFLICT', message: 'changed', details } };
}
const failed = (error: ApiError): Result<WriteResult> => ({ ok: false, error });
const editedText = (s: ByteEditState) => byteEditorReducer(s, { type: 'edited', edited: true });

describe('what a save answer means (writeOutcome)', () => {
  it('a written value is saved, with the version, TTL and key size the write answered', () => {
    expect(writeOutcome(utf8('new'), ok('v2', 3, 5000))).toEqual({
      saved: { version: 'v2', size: 3, ttlMs: 5000, keySize: 3 },
    });
  });

  it('a retry that finds its own earlier write applied is saved, not a conflict', () => {
    // The first attempt landed, the link dropped before its answer; the retry's compare-and-set
    // then fails against our own bytes.
    const mine = utf8('my edit');
    expect(writeOutcome(mine, conflict(mine, 'v-mine', 60_000))).toEqual({
      saved: { version: 'v-mine', size: mine.length, ttlMs: 60_000 },
    });
    // A hash field has no TTL of its own.
    expect(writeOutcome(mine, conflict(mine, 'v-mine'))).toEqual({
      saved: { version: 'v-mine', size: mine.length, ttlMs: -1 },
    });
  });

  it('a server value that differs from the bytes written is a conflict showing both', () => {
    const mine = utf8('my edit');
    const outcome = writeOutcome(mine, conflict(utf8('theirs'), 'v-theirs'));
    expect(outcome).toEqual({
      conflict: { mine, current: { bytes: utf8('theirs'), version: 'v-theirs', size: 6, partial: false } },
    });
  });

  it('a partial server value is never taken for our own write (its bytes are only a part)', () => {
    const mine = utf8('same start');
    const outcome = writeOutcome(mine, conflict(mine, null, -1));
    expect('conflict' in outcome).toBe(true);
  });

  it('a CONFLICT without the server value, and any other error, is a failure', () => {
    const noCurrent: ApiError = { code: 'CONFLICT', message: 'kept changing' };
    expect(writeOutcome(utf8('x'), failed(noCurrent))).toEqual({ failure: noCurrent });
    const oom: ApiError = { code: 'REDIS_ERROR', message: 'OOM' };
    expect(writeOutcome(utf8('x'), failed(oom))).toEqual({ failure: oom });
  });
});

describe('the save protocol', () => {
  const start = () => initialByteEditState(loadedOf(utf8('hello')), false, undefined);

  it('a save moves the base to the bytes written: the next save is checked against the new version', () => {
    const s = run(editedText(start()), { type: 'saveChecking' }, { type: 'saveChecked', edit: 'changed' });
    const writing = byteEditorReducer(s, { type: 'writing' });
    expect(writing.busy).toBe(true);
    const after = written(writing, utf8('hello!'), ok('v2', 6), Text.of(['hello!']));
    expect(after.base).toEqual({ bytes: utf8('hello!'), version: 'v2' });
    expect(after.busy).toBe(false);
    expect(isDirty(after)).toBe(false);
    expect(after.savedNote).toBe('Saved 6 B at 12:00:00.');
    // The editor already shows the saved text: it is kept (marked clean), not made anew.
    expect(after.doc.generation).toBe(s.doc.generation);
  });

  it('a retry that finds its own earlier write shows it saved, not a conflict', () => {
    const s = run(editedText(start()), { type: 'writing' });
    const mine = utf8('hello!');
    const after = written(s, mine, conflict(mine, 'v-mine', -1), Text.of(['hello!']));
    expect(after.conflict).toBeUndefined();
    expect(after.failure).toBeUndefined();
    expect(after.base).toEqual({ bytes: mine, version: 'v-mine' });
    expect(after.savedNote).toBe('Saved 6 B at 12:00:00.');
  });

  it('the server changed: the conflict view opens, nothing is taken from the edit', () => {
    const s = run(editedText(start()), { type: 'writing' });
    const after = written(s, utf8('hello!'), conflict(utf8('theirs'), 'v-theirs', -1));
    expect(after.conflict?.mine).toEqual(utf8('hello!'));
    expect(after.conflict?.current.bytes).toEqual(utf8('theirs'));
    expect(after.base).toBe(s.base);
    expect(isDirty(after)).toBe(true); // the edit stays (and is kept as a draft when left)
    expect(after.savedNote).toBeUndefined();
  });

  it('keep editing: the next save is checked against the server version shown', () => {
    const s = run(editedText(start()), { type: 'writing' });
    const inConflict = written(s, utf8('hello!'), conflict(utf8('theirs'), 'v-theirs', -1));
    const editing = byteEditorReducer(inConflict, { type: 'keepEditing' });
    expect(editing.conflict).toBeUndefined();
    expect(editing.base).toEqual({ bytes: utf8('theirs'), version: 'v-theirs' });
    expect(isDirty(editing)).toBe(true);
  });

  it('keep editing against a partial server value keeps the old base (there is no version to check)', () => {
    const s = run(editedText(start()), { type: 'writing' });
    const inConflict = written(s, utf8('hello!'), conflict(utf8('their start'), null, -1));
    expect(byteEditorReducer(inConflict, { type: 'keepEditing' }).base).toBe(s.base);
  });

  it('overwrite with mine: the conflict closes when that write is saved', () => {
    const s = run(editedText(start()), { type: 'writing' });
    const inConflict = written(s, utf8('hello!'), conflict(utf8('theirs'), 'v-theirs', -1));
    const over = written(byteEditorReducer(inConflict, { type: 'writing' }), utf8('hello!'), ok('v3', 6));
    expect(over.conflict).toBeUndefined();
    expect(over.base.version).toBe('v3');
  });

  it('a failure keeps the edit and says why until dismissed; a later save clears it', () => {
    const oom: ApiError = { code: 'REDIS_ERROR', message: 'OOM' };
    const s = run(editedText(start()), { type: 'writing' });
    const after = written(s, utf8('hello!'), failed(oom));
    expect(after.failure).toEqual(oom);
    expect(isDirty(after)).toBe(true);
    expect(byteEditorReducer(after, { type: 'failureDismissed' }).failure).toBeUndefined();
    const retried = written(byteEditorReducer(after, { type: 'writing' }), utf8('hello!'), ok('v2', 6));
    expect(retried.failure).toBeUndefined();
  });

  it('a conflict leaves an earlier failure shown; a failure leaves the conflict view open', () => {
    const oom: ApiError = { code: 'REDIS_ERROR', message: 'OOM' };
    const s = run(editedText(start()), { type: 'writing' });
    const both = written(written(s, utf8('a'), conflict(utf8('theirs'), 'v-theirs', -1)), utf8('a'), failed(oom));
    expect(both.conflict).toBeDefined();
    expect(both.failure).toEqual(oom);
    const other = written(written(s, utf8('a'), failed(oom)), utf8('a'), conflict(utf8('theirs'), 'v-theirs', -1));
    expect(other.failure).toEqual(oom);
    expect(other.conflict).toBeDefined();
  });

  it('nothing to save: the base bytes again are not written', () => {
    const s = run(editedText(start()), { type: 'saveChecking' });
    expect(s.busy).toBe(true);
    const after = byteEditorReducer(s, { type: 'saveChecked', edit: 'unchanged' });
    expect(after.busy).toBe(false);
    expect(after.carried).toBe(false);
    expect(after.savedNote).toBe('Nothing to save: the value is unchanged.');
    expect(byteEditorReducer(after, { type: 'writing' }).savedNote).toBeUndefined();
  });

  it('an edit that stands for no bytes is not saved and says why', () => {
    const s = run(
      editedText(start()),
      { type: 'saveChecking' },
      { type: 'inputError', error: 'Not valid JSON.' },
      { type: 'saveChecked', edit: 'unreadable' },
    );
    expect(s.busy).toBe(false);
    expect(s.inputError).toBe('Not valid JSON.');
    expect(s.savedNote).toBeUndefined();
  });

  it('a save of a small value shown otherwise than the bytes read back (JSON reformatted) shows them anew', () => {
    const s = initialByteEditState(loadedOf(utf8('{"a":1}')), false, undefined);
    expect(s.view).toBe('json');
    const bytes = utf8('{"a":2}');
    const after = written(byteEditorReducer(s, { type: 'writing' }), bytes, ok('v2', 7), Text.of(['{"a":2}']));
    expect(after.doc.generation).toBe(s.doc.generation + 1);
    expect(after.doc.text).toBe('{\n  "a": 2\n}');
  });

  it('choosing the other JSON style is an edit; saving it makes that the base style', () => {
    const s = initialByteEditState(loadedOf(utf8('{"a":1}')), false, undefined);
    expect(isDirty(s)).toBe(false);
    const pretty = byteEditorReducer(s, { type: 'styleChosen', style: 'pretty' });
    expect(isDirty(pretty)).toBe(true);
    const bytes = utf8('{\n  "a": 1\n}');
    const after = written(byteEditorReducer(pretty, { type: 'writing' }), bytes, ok('v2', bytes.length));
    expect(after.baseStyle).toBe('pretty');
    expect(isDirty(after)).toBe(false);
  });
});

describe('drafts', () => {
  const draft = (over: Partial<Draft> = {}): Draft => ({
    text: 'my kept edit',
    view: 'text',
    style: 'compact',
    escaped: false,
    base: { bytes: utf8('hello'), version: 'v1' },
    ...over,
  });

  it('a kept draft is restored as an unsaved edit, checked against the version it was made from', () => {
    const s = initialByteEditState(loadedOf(utf8('hello'), 'v1'), false, draft());
    expect(s.restored).toEqual({ changedSince: false });
    expect(isDirty(s)).toBe(true);
    expect(s.doc.text).toBe('my kept edit');
    expect(s.base.version).toBe('v1');
  });

  it('a draft made before the server changed says so, and is still checked against its own version', () => {
    const s = initialByteEditState(loadedOf(utf8('theirs'), 'v2'), false, draft());
    expect(s.restored).toEqual({ changedSince: true });
    expect(s.base).toEqual({ bytes: utf8('hello'), version: 'v1' });
  });

  it('a read-only or partial value never takes a draft', () => {
    expect(initialByteEditState(loadedOf(utf8('hello')), true, draft()).restored).toBeUndefined();
    const partial = loadedOf(utf8('hello'), null, { partial: true, size: 5_000_000 });
    const s = initialByteEditState(partial, false, draft());
    expect(s.restored).toBeUndefined();
    expect(isDirty(s)).toBe(false);
  });

  it('dropped when saved (nothing unsaved is left), kept while a conflict or failure is shown', () => {
    const s = run(initialByteEditState(loadedOf(utf8('hello')), false, draft()), { type: 'writing' });
    expect(isDirty(written(s, utf8('my kept edit'), conflict(utf8('theirs'), 'v9', -1)))).toBe(true);
    expect(isDirty(written(s, utf8('my kept edit'), failed({ code: 'REDIS_ERROR', message: 'OOM' })))).toBe(true);
    const saved = written(s, utf8('my kept edit'), ok('v2', 12), Text.of(['my kept edit']));
    expect(isDirty(saved)).toBe(false);
    // The restored note goes with the carried edit.
    expect(saved.carried).toBe(false);
  });
});

describe('views, big values and the hex grid', () => {
  const bigText = 'x'.repeat(BIG_VALUE_BYTES + 10);
  const bigLoaded = () => loadedOf(utf8(bigText), 'v1', { text: Text.of([bigText]) });

  it('a big value opens unwrapped in its prepared text; a small one wrapped', () => {
    const s = initialByteEditState(bigLoaded(), false, undefined);
    expect(s.big).toBe(true);
    expect(s.view).toBe('text');
    expect(s.wrap).toBe(false);
    expect(s.doc.text).toBeInstanceOf(Text);
    expect(initialByteEditState(loadedOf(utf8('hello')), false, undefined).wrap).toBe(true);
  });

  it('a big value not UTF-8 opens in the hex grid', () => {
    const bytes = new Uint8Array(BIG_VALUE_BYTES + 10).fill(0xff);
    const s = initialByteEditState(loadedOf(bytes, 'v1', { text: null }), false, undefined);
    expect(s.view).toBe('hex');
    expect(showsHexGrid(s)).toBe(true);
  });

  it('a view switch is "preparing" until shown; an edit carried across views stays unsaved', () => {
    const s = initialByteEditState(loadedOf(utf8('hello')), false, undefined);
    const preparing = run(s, { type: 'inputError', error: 'old' }, { type: 'viewPreparing' });
    expect(preparing.preparing).toBe(true);
    expect(preparing.inputError).toBeUndefined();
    const shown = run(
      preparing,
      { type: 'viewShown', view: 'hex', shown: { text: '68 65', escaped: false }, bytes: utf8('he'), changed: true },
      { type: 'viewPrepared' },
    );
    expect(shown).toMatchObject({ view: 'hex', preparing: false, carried: true, edited: false });
    expect(shown.doc).toEqual({ text: '68 65', escaped: false, generation: s.doc.generation + 1 });
    expect(shown.hexWork).toBeUndefined(); // a hex text, not the grid
    expect(isDirty(shown)).toBe(true);
  });

  it("to the grid, the changed bytes become the grid's work; overwrites copy the base once", () => {
    const bytes = new Uint8Array(HEX_GRID_BYTES + 1).fill(0x41);
    const s = initialByteEditState(loadedOf(bytes), false, undefined);
    expect(s.hexGridAvailable).toBe(true);
    const unchanged = byteEditorReducer(s, {
      type: 'viewShown',
      view: 'hex',
      shown: { text: '', escaped: false },
      bytes,
      changed: false,
    });
    expect(unchanged.hexWork).toBeUndefined();
    const once = byteEditorReducer(unchanged, { type: 'hexOverwritten', offset: 0, bytes: Uint8Array.of(0x42) });
    expect(once.hexWork?.[0]).toBe(0x42);
    expect(once.base.bytes[0]).toBe(0x41); // the base is not touched
    expect(once.edited).toBe(true);
    const twice = byteEditorReducer(once, { type: 'hexOverwritten', offset: 1, bytes: Uint8Array.of(0x43) });
    expect(twice.hexWork?.buffer).toBe(once.hexWork?.buffer);
    expect([...twice.hexWork!.subarray(0, 3)]).toEqual([0x42, 0x43, 0x41]);
  });

  it('saved from the grid: the grid shows the new base as it is', () => {
    const bytes = new Uint8Array(HEX_GRID_BYTES + 1).fill(0x41);
    const s = run(
      initialByteEditState(loadedOf(bytes), false, undefined),
      { type: 'viewShown', view: 'hex', shown: { text: '', escaped: false }, bytes, changed: false },
      { type: 'hexOverwritten', offset: 0, bytes: Uint8Array.of(0x42) },
      { type: 'writing' },
    );
    const work = s.hexWork!;
    expect(afterSave(s, work, undefined)).toEqual({ kind: 'grid' });
    const after = written(s, work, ok('v2', work.length));
    expect(after.hexWork).toBeUndefined();
    expect(after.base.bytes).toBe(work);
    expect(after.doc.generation).toBe(s.doc.generation);
    expect(isDirty(after)).toBe(false);
  });

  it('a big text saved is kept as shown: its document is the new base text, never a string', () => {
    const s = run(initialByteEditState(bigLoaded(), false, undefined), { type: 'edited', edited: true });
    const doc = Text.of([bigText + '!']);
    expect(afterSave(s, utf8(bigText + '!'), doc)).toEqual({ kind: 'asShown', big: { baseText: doc } });
    const after = written(byteEditorReducer(s, { type: 'writing' }), utf8(bigText + '!'), ok('v2', 1), doc);
    expect(after.baseText).toBe(doc);
    expect(after.doc.generation).toBe(s.doc.generation);
  });

  it('a big value saved from JSON: its style is the base style, its text is prepared again when needed', () => {
    const s = run(
      initialByteEditState(bigLoaded(), false, undefined),
      { type: 'baseTextPrepared', text: Text.of(['x']) },
      { type: 'viewShown', view: 'json', shown: { text: '[]', escaped: false }, bytes: utf8('[]'), changed: false },
      { type: 'styleChosen', style: 'pretty' },
    );
    expect(s.baseStyle).toBe('compact');
    const after = written(byteEditorReducer(s, { type: 'writing' }), utf8('[\n]'), ok('v2', 3), Text.of(['[', ']']));
    expect(after.baseStyle).toBe('pretty');
    expect(after.baseText).toBeUndefined();
  });
});
