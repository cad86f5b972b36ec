import { useId } from 'react';
import { Checkbox } from '../ui/fields';
import { parseBulk } from './bulkInput';
import { TextArea } from './FieldDialogs';
import { countOf } from '../ui/format';

export interface HashRow {
  field: string;
  value: string;
}

/** The first fields of a new hash: field/value rows, added and removed freely. */
export function HashRows({ rows, onRows }: { rows: HashRow[]; onRows(rows: HashRow[]): void }) {
  const id = useId();
  const set = (i: number, change: Partial<HashRow>) =>
    onRows(rows.map((r, at) => (at === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="hash-rows">
      <legend>Fields</legend>
      {rows.map((row, i) => (
        <div key={i} className="hash-row">
          <label htmlFor={`${id}-f${i}`} className="visually-hidden">
            Field {i + 1}
          </label>
          <input
            id={`${id}-f${i}`}
            placeholder="field"
            spellCheck={false}
            value={row.field}
            onChange={(e) => set(i, { field: e.target.value })}
          />
          <label htmlFor={`${id}-v${i}`} className="visually-hidden">
            Value {i + 1}
          </label>
          <input
            id={`${id}-v${i}`}
            placeholder="value"
            spellCheck={false}
            value={row.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove field ${i + 1}`}
            disabled={rows.length === 1}
            onClick={() => onRows(rows.filter((_, at) => at !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onRows([...rows, { field: '', value: '' }])}>
        + Add a field
      </button>
    </fieldset>
  );
}

/** Many strings at once: `key=value` lines or a JSON object, checked as they are typed. */
export function BulkFields({
  text,
  onText,
  onlyIfNoneExist,
  onOnlyIfNoneExist,
}: {
  text: string;
  onText(text: string): void;
  onlyIfNoneExist: boolean;
  onOnlyIfNoneExist(value: boolean): void;
}) {
  const id = useId();
  const parsed = text.trim() ? parseBulk(text) : undefined;
  return (
    <>
      <TextArea label="Keys and values (key=value lines, or a JSON object)" value={text} onChange={onText} rows={8} />
      {parsed && (
        <p className={'error' in parsed ? 'field-error' : 'hint'} role="status">
          {'error' in parsed ? parsed.error : `${countOf(parsed.pairs.length, 'key')} to write.`}
        </p>
      )}
      <Checkbox
        id={`${id}-nx`}
        label="Only if none of them exist (MSETNX)"
        checked={onlyIfNoneExist}
        onChange={onOnlyIfNoneExist}
      />
      <p className="hint">
        Names are trimmed; quote one to keep its spaces: <code className="keep-spaces">&quot; a &quot;=v</code> (inside
        the quotes <code>\&quot;</code>, <code>\\</code> and <code>\xNN</code> work). All or nothing: every key is
        written in one command, or none is.
      </p>
    </>
  );
}
