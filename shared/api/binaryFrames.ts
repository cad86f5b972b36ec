/*
 * Raw bytes on the web host's WebSocket. A message that holds bytes (a Uint8Array or a Node
 * Buffer anywhere in it: a big value's chunk) goes as one binary frame instead of JSON text, so
 * megabytes are neither escaped into JSON nor base64-encoded, decoded and copied again:
 *
 *   [u32 big-endian: N] [N bytes: the message as JSON, UTF-8] [the bytes, one after another]
 *
 * In the JSON each Uint8Array is the placeholder `{"$bytes":[offset,length]}` (offsets into the
 * bytes after the JSON). Only binary frames are read this way: a text frame is plain JSON, and an
 * object that looks like a placeholder there is just an object. The Electron bridge needs none of
 * this: IPC's structured clone carries Uint8Arrays as they are.
 */

// The contract is typed without DOM or Node types (shared/tsconfig.json); both have these.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

const HEADER_BYTES = 4;
const MARKER = '$bytes';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A message as it goes on the socket: JSON text, or a binary frame when it holds bytes. */
export type Frame = string | Uint8Array;

/** The frame for `message` (throws what JSON.stringify throws: RangeError for a huge string). */
export function encodeFrame(message: unknown): Frame {
  const parts: Uint8Array[] = [];
  let at = 0;
  const json = JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    // The holder's own value: a Buffer has already been turned into `{ type: 'Buffer', data }`.
    const own = this[key];
    if (!(own instanceof Uint8Array)) return value;
    parts.push(own);
    const placeholder = { [MARKER]: [at, own.length] };
    at += own.length;
    return placeholder;
  });
  if (parts.length === 0) return json;
  const head = encoder.encode(json);
  const frame = new Uint8Array(HEADER_BYTES + head.length + at);
  new DataView(frame.buffer).setUint32(0, head.length);
  frame.set(head, HEADER_BYTES);
  let offset = HEADER_BYTES + head.length;
  for (const part of parts) {
    frame.set(part, offset);
    offset += part.length;
  }
  return frame;
}

const isPlaceholder = (value: unknown): value is Record<typeof MARKER, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  Object.hasOwn(value, MARKER);

/**
 * The message in a binary frame, its placeholders replaced by views of the frame's bytes; or
 * undefined when the frame is not one (too short, a length past its end, JSON that does not
 * parse, a placeholder that is not two whole numbers within the bytes).
 */
export function decodeBinaryFrame(frame: Uint8Array): unknown {
  if (frame.length < HEADER_BYTES) return undefined;
  const length = new DataView(frame.buffer, frame.byteOffset, frame.length).getUint32(0);
  if (length > frame.length - HEADER_BYTES) return undefined;
  const bytes = frame.subarray(HEADER_BYTES + length);
  let bad = false;
  let message: unknown;
  try {
    const json = decoder.decode(frame.subarray(HEADER_BYTES, HEADER_BYTES + length));
    message = JSON.parse(json, (_key, value: unknown) => {
      if (!isPlaceholder(value)) return value;
      const place = value[MARKER];
      if (!Array.isArray(place) || place.length !== 2 || !place.every((n) => Number.isSafeInteger(n) && n >= 0)) {
        bad = true;
        return undefined;
      }
      const [offset, count] = place as [number, number];
      if (offset + count > bytes.length) {
        bad = true;
        return undefined;
      }
      return bytes.subarray(offset, offset + count);
    });
  } catch {
    return undefined;
  }
  return bad ? undefined : message;
}
