import { Text } from '@codemirror/state';
import { timeSlicer } from './timeSlices';

/*
 * A big value's text as a CodeMirror document, built and read back in time slices: one
 * TextDecoder/split/Text.of over 50 MB would hold the main thread for a second or more.
 */

/** Bytes decoded per step (a step is far below the slice time). */
const STEP_BYTES = 64 * 1024;
/** Characters encoded per step when reading a document back. */
const STEP_CHARS = 64 * 1024;

/**
 * The UTF-8 text of `bytes` as a document (lines split at `\n` only, like the editor), or null
 * when they are not valid UTF-8. `onProgress` gets the bytes done so far; an abort throws.
 */
export async function textDocOf(
  bytes: Uint8Array,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<Text | null> {
  // `ignoreBOM`: a leading EF BB BF is part of the value, not a marker to drop.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const slice = timeSlicer();
  let doc = Text.empty;
  /** The line being read: pieces, joined once its end is found (a huge line is joined once). */
  let open: string[] = [];
  for (let offset = 0, last = false; !last; offset += STEP_BYTES) {
    last = offset + STEP_BYTES >= bytes.length;
    let piece: string;
    try {
      piece = decoder.decode(bytes.subarray(offset, offset + STEP_BYTES), { stream: !last });
    } catch {
      return null;
    }
    const lines = piece.split('\n');
    if (lines.length > 1) {
      lines[0] = open.join('') + lines[0];
      open = [lines.pop()!];
      // A trailing empty line: the next piece continues after this piece's last line break.
      doc = doc.append(Text.of([...lines, '']));
    } else open.push(piece);
    onProgress?.(Math.min(bytes.length, offset + STEP_BYTES));
    await slice();
    signal?.throwIfAborted();
  }
  return doc.append(Text.of([open.join('')]));
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A copy of `bytes` with more room, copied in time slices. */
async function grown(bytes: Uint8Array, capacity: number): Promise<Uint8Array> {
  const bigger = new Uint8Array(capacity);
  const slice = timeSlicer();
  for (let at = 0; at < bytes.length; at += STEP_BYTES) {
    bigger.set(bytes.subarray(at, at + STEP_BYTES), at);
    await slice();
  }
  return bigger;
}

/** A document's text as UTF-8 bytes (as TextEncoder encodes it, lone surrogates as U+FFFD). */
export async function bytesOfDoc(doc: Text): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const slice = timeSlicer();
  // Encoded straight into one buffer, sized for ASCII (one byte a character) and grown if needed.
  let bytes: Uint8Array = new Uint8Array(doc.length);
  let total = 0;
  for (let from = 0; from < doc.length;) {
    let to = Math.min(doc.length, from + STEP_CHARS);
    // Never split a surrogate pair between two steps.
    if (to < doc.length && isHighSurrogate(doc.sliceString(to - 1, to).charCodeAt(0))) to--;
    let text = doc.sliceString(from, to);
    for (;;) {
      const { read, written } = encoder.encodeInto(text, bytes.subarray(total));
      total += written;
      if (read === text.length) break;
      text = text.slice(read);
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      bytes = await grown(bytes, Math.ceil(Math.max(bytes.length * 1.5, total + text.length * 3)));
    }
    from = to;
    await slice();
  }
  return bytes.subarray(0, total);
}
