import { describe, expect, it } from 'vitest';
import { decodeBinaryFrame, encodeFrame } from './binaryFrames';

// Typed without Node or DOM types, like the contract (shared/tsconfig.json).
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A binary frame written by hand: the JSON, then the bytes. */
function frame(json: string, bytes: number[] = [], length = utf8(json).length): Uint8Array {
  const head = new Uint8Array(4);
  new DataView(head.buffer).setUint32(0, length);
  return concat(head, utf8(json), new Uint8Array(bytes));
}

describe('binaryFrames', () => {
  it('a message without bytes stays JSON text', () => {
    const message = { type: 'invoke', id: 1, method: 'app.version', input: { a: [1, 'x'] } };
    expect(encodeFrame(message)).toBe(JSON.stringify(message));
  });

  it('bytes anywhere in a message (Uint8Array or Buffer) travel raw and come back as they were', () => {
    const first = new Uint8Array([0, 1, 2, 255]);
    const second = utf8('é\u0000😀');
    const message = { id: 7, result: { ok: true, value: { value: first, list: [second, new Uint8Array(0)], n: 3 } } };
    const encoded = encodeFrame(message);
    expect(encoded).toBeInstanceOf(Uint8Array);
    // The bytes are not escaped or base64-encoded: the frame is the JSON plus exactly them.
    const json = JSON.stringify({
      id: 7,
      result: { ok: true, value: { value: { $bytes: [0, 4] }, list: [{ $bytes: [4, 7] }, { $bytes: [11, 0] }], n: 3 } },
    });
    expect((encoded as Uint8Array).length).toBe(4 + utf8(json).length + 11);
    const decoded = decodeBinaryFrame(encoded as Uint8Array) as typeof message;
    expect(same(decoded.result.value.value, first)).toBe(true);
    expect(same(decoded.result.value.list[0]!, second)).toBe(true);
    expect(decoded.result.value.list[1]).toHaveLength(0);
    expect(decoded.result.value.n).toBe(3);
  });

  it('a view travels as its own bytes, not its whole buffer', () => {
    const whole = utf8('0123456789');
    const encoded = encodeFrame({ v: whole.subarray(3, 5) }) as Uint8Array;
    const decoded = decodeBinaryFrame(encoded) as { v: Uint8Array };
    expect(same(decoded.v, utf8('34'))).toBe(true);
    expect(encoded.length).toBe(4 + utf8('{"v":{"$bytes":[0,2]}}').length + 2);
  });

  it.each([
    ['shorter than its length prefix', new Uint8Array([0, 0])],
    ['a length past the end', frame('{}', [], 99)],
    ['JSON that does not parse', frame('{nope')],
    ['JSON that is not UTF-8', concat(frame('', [], 2), new Uint8Array([0xc3, 0x28]))],
    ['bytes past the end', frame('{"v":{"$bytes":[0,4]}}', [1, 2, 3])],
    ['an offset past the end', frame('{"v":{"$bytes":[4,0]}}', [1, 2, 3])],
    ['a negative length', frame('{"v":{"$bytes":[2,-1]}}', [1, 2, 3])],
    ['a fraction', frame('{"v":{"$bytes":[0.5,1]}}', [1, 2, 3])],
    ['a placeholder that is not two numbers', frame('{"v":{"$bytes":"0,1"}}', [1])],
    ['a placeholder of three numbers', frame('{"v":{"$bytes":[0,1,1]}}', [1])],
  ])('a malformed binary frame is refused: %s', (_, bad) => {
    expect(decodeBinaryFrame(bad)).toBeUndefined();
  });

  it('an object with more keys than the placeholder is data, not bytes', () => {
    const decoded = decodeBinaryFrame(frame('{"v":{"$bytes":[0,1],"x":1}}', [9])) as { v: unknown };
    expect(decoded.v).toEqual({ $bytes: [0, 1], x: 1 });
  });
});
