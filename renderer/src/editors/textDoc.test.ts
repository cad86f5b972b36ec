import { describe, expect, it } from 'vitest';
import { bytesOfDoc, textDocOf } from './textDoc';
import { sameBytes, sameBytesInSlices } from './valueBytes';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('big text in time slices', () => {
  it.each([
    ['empty', ''],
    ['one line', 'hello'],
    ['lines and a trailing line break', 'a\nb\r\nc\n'],
    // Multi-byte characters across the 256 KB steps, a four-byte one (a surrogate pair) too.
    ['many lines', `${'é😀 line\n'.repeat(120_000)}end`],
    ['one huge line', 'x€'.repeat(400_000)],
    ['a leading BOM stays', '\ufeffbom'],
  ])('%s: document and bytes round-trip exactly', async (_, text) => {
    const bytes = utf8(text);
    const doc = await textDocOf(bytes);
    expect(doc).not.toBeNull();
    expect(doc!.toString()).toBe(text);
    expect(doc!.lines).toBe(text.split('\n').length);
    expect(sameBytes(await bytesOfDoc(doc!), bytes)).toBe(true);
  });

  it('bytes that are not UTF-8 have no document', async () => {
    const bytes = utf8('ok '.repeat(200_000));
    bytes[300_000] = 0xff;
    expect(await textDocOf(bytes)).toBeNull();
    // A character cut at the very end is not UTF-8 either.
    expect(await textDocOf(utf8('é').subarray(0, 1))).toBeNull();
  });

  it('reports progress and stops when aborted', async () => {
    const bytes = utf8('line\n'.repeat(300_000));
    const seen: number[] = [];
    await textDocOf(bytes, (done) => seen.push(done));
    expect(seen.at(-1)).toBe(bytes.length);
    const control = new AbortController();
    control.abort();
    await expect(textDocOf(bytes, undefined, control.signal)).rejects.toThrow();
  });

  it('compares big byte arrays in slices', async () => {
    const a = new Uint8Array(3_000_000).fill(7);
    const b = a.slice();
    expect(await sameBytesInSlices(a, b)).toBe(true);
    b[2_999_999] = 8;
    expect(await sameBytesInSlices(a, b)).toBe(false);
    expect(await sameBytesInSlices(a, a.subarray(1))).toBe(false);
  });
});
