import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { hexDigits, HEX_PER_LINE, parseHex, printable } from './hexText';

interface HexGridProps {
  bytes: Uint8Array;
  /** The grid's accessible name ("Value"). */
  label: string;
  readOnly: boolean;
  /** A row was edited: its bytes (as many as it had) replace those at `offset`. */
  onOverwrite(offset: number, bytes: Uint8Array): void;
}

const ROW_PX = 28;
/**
 * Browsers cap an element's height (~33M px in Chromium); 50 MB is 3.3M rows. Past this height
 * the scrollbar maps to rows proportionally, while wheel and keys still move row by row.
 */
const MAX_SCROLL_PX = 4_000_000;
const COLUMNS = '92px minmax(390px, auto) 1fr';
/** Rows drawn at most, whatever height the grid is given. */
const MAX_VISIBLE = 200;
/** The grid fills what the editor leaves, like the text editor does. */
const FILL = { flex: 1, display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0 } as const;

const offsetText = (offset: number) => offset.toString(16).padStart(8, '0');

/** "0x1f40" or "8000" → 8000; undefined when it is neither. */
function parseOffset(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const n = /^0x[0-9a-f]+$/.test(t) ? parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The hex view of a big value: offsets, 16 bytes a row and their printable ASCII, drawn straight
 * from the byte array for the rows on screen only (a 50 MB value is never turned into text).
 * Editing overwrites a row in place (Enter or a double-click): the value keeps its length.
 */
export function HexGrid({ bytes, label, readOnly, onOverwrite }: HexGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const rows = Math.max(1, Math.ceil(bytes.length / HEX_PER_LINE));
  const [height, setHeight] = useState(400);
  const [top, setTop] = useState(0);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<{ row: number; text: string; error?: string }>();
  const [goTo, setGoTo] = useState('');
  const [goToError, setGoToError] = useState<string>();
  /** The scrollTop we set ourselves: its scroll event must not move `top` again. */
  const ownScroll = useRef<number>(undefined);

  const visible = Math.min(MAX_VISIBLE, Math.max(1, Math.floor(height / ROW_PX) - 1));
  const maxTop = Math.max(0, rows - visible);
  const scrollPx = Math.min(rows * ROW_PX, MAX_SCROLL_PX) + ROW_PX;
  const range = Math.max(0, scrollPx - height);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const show = (first: number) => {
    const next = Math.max(0, Math.min(maxTop, first));
    setTop(next);
    const element = scroller.current;
    if (element && maxTop > 0) {
      element.scrollTop = (next / maxTop) * range;
      ownScroll.current = element.scrollTop;
    }
  };
  const go = (row: number) => {
    const next = Math.max(0, Math.min(rows - 1, row));
    setActive(next);
    if (next < top) show(next);
    else if (next >= top + visible) show(next - visible + 1);
  };

  // Row by row with the wheel (a wheel step on the proportional scrollbar would skip rows).
  const wheel = useRef((e: WheelEvent) => void e);
  wheel.current = (e: WheelEvent) => {
    e.preventDefault();
    const lines = e.deltaMode === 1 ? e.deltaY : e.deltaY / ROW_PX;
    show(top + (Math.round(lines) || Math.sign(e.deltaY)));
  };
  useEffect(() => {
    const element = scroller.current;
    const listener = (e: WheelEvent) => wheel.current(e);
    element?.addEventListener('wheel', listener, { passive: false });
    return () => element?.removeEventListener('wheel', listener);
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (!element || element.scrollTop === ownScroll.current) return;
    ownScroll.current = undefined;
    setTop(range > 0 ? Math.round((element.scrollTop / range) * maxTop) : 0);
  };

  const startEdit = (row: number) => {
    if (readOnly) return;
    const from = row * HEX_PER_LINE;
    setEditing({ row, text: hexDigits(bytes.subarray(from, from + HEX_PER_LINE)) });
  };
  const commitEdit = () => {
    if (!editing) return;
    const from = editing.row * HEX_PER_LINE;
    const length = Math.min(HEX_PER_LINE, bytes.length - from);
    const parsed = parseHex(editing.text);
    if ('error' in parsed) return setEditing({ ...editing, error: parsed.error });
    if (parsed.bytes.length !== length) {
      const error = `Type exactly ${length} bytes: rows are overwritten in place in values this big (you typed ${parsed.bytes.length})`;
      return setEditing({ ...editing, error });
    }
    onOverwrite(from, parsed.bytes);
    setEditing(undefined);
    scroller.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== scroller.current) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(active + 1),
      ArrowUp: () => go(active - 1),
      PageDown: () => go(active + visible),
      PageUp: () => go(active - visible),
      Home: () => go(0),
      End: () => go(rows - 1),
      Enter: () => startEdit(active),
      F2: () => startEdit(active),
    };
    const action = keys[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  };

  const jump = () => {
    const offset = parseOffset(goTo);
    if (offset === undefined || offset >= Math.max(1, bytes.length)) {
      return setGoToError(`An offset from 0 to ${Math.max(0, bytes.length - 1)} (decimal, or hex as 0x…)`);
    }
    setGoToError(undefined);
    const row = Math.floor(offset / HEX_PER_LINE);
    setActive(row);
    show(row); // the row asked for at the top
    scroller.current?.focus();
  };

  const shown: number[] = [];
  for (let row = top; row < Math.min(rows, top + visible + 1); row++) shown.push(row);
  return (
    <div style={FILL}>
      <div className="editor-toolbar">
        <label className="inline-select">
          Go to offset
          <input
            value={goTo}
            placeholder="0x1f40 or 8000"
            aria-invalid={!!goToError}
            onChange={(e) => setGoTo(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && jump()}
          />
        </label>
        {goToError && <span className="field-error">{goToError}</span>}
        <span className="hint">
          {readOnly
            ? 'Read-only.'
            : 'Enter or double-click a row to overwrite its bytes (the value keeps its length; to insert or delete bytes, edit it as text).'}
        </span>
      </div>
      <div
        ref={scroller}
        className="value-table"
        role="grid"
        aria-label={label}
        aria-readonly={readOnly || undefined}
        aria-rowcount={rows + 1}
        aria-activedescendant={shown.includes(active) ? `${idBase}-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
      >
        <div style={{ position: 'sticky', top: 0, height: Math.min(height, (shown.length + 1) * ROW_PX) }}>
          <div className="value-table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: COLUMNS }}>
            <div role="columnheader" className="cell">
              Offset
            </div>
            <div role="columnheader" className="cell">
              Bytes (hex)
            </div>
            <div role="columnheader" className="cell">
              ASCII
            </div>
          </div>
          {shown.map((row, i) => {
            const from = row * HEX_PER_LINE;
            const line = bytes.subarray(from, from + HEX_PER_LINE);
            const edit = editing?.row === row ? editing : undefined;
            return (
              <div
                key={row}
                id={`${idBase}-${row}`}
                role="row"
                aria-rowindex={row + 2}
                className={`value-row ${row === active ? 'value-row-active' : ''}`}
                style={{ transform: `translateY(${(i + 1) * ROW_PX}px)`, height: ROW_PX, gridTemplateColumns: COLUMNS }}
                onClick={() => setActive(row)}
                onDoubleClick={() => startEdit(row)}
              >
                <div role="rowheader" className="cell cell-index">
                  {offsetText(from)}
                </div>
                <div role="gridcell" className="cell">
                  {edit ? (
                    <input
                      className="inline-edit"
                      aria-label={`Bytes at offset ${offsetText(from)}`}
                      aria-invalid={!!edit.error}
                      title={edit.error}
                      autoFocus
                      value={edit.text}
                      onChange={(e) => setEditing({ row, text: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') commitEdit();
                        if (e.key === 'Escape') {
                          setEditing(undefined);
                          scroller.current?.focus();
                        }
                      }}
                    />
                  ) : (
                    hexDigits(line)
                  )}
                </div>
                <div role="gridcell" className="cell cell-size" aria-hidden="true">
                  {printable(line)}
                </div>
              </div>
            );
          })}
        </div>
        <div style={{ height: Math.max(0, scrollPx - Math.min(height, (shown.length + 1) * ROW_PX)) }} />
      </div>
      {editing?.error && (
        <p className="field-error" role="alert">
          Row at {offsetText(editing.row * HEX_PER_LINE)}: {editing.error}
        </p>
      )}
    </div>
  );
}
