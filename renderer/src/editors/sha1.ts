import { timeSlicer } from './timeSlices';

/*
 * SHA-1, fed piece by piece: a value's `version` (core and Redis' redis.sha1hex compute the
 * same) is hashed as its chunks arrive or in time slices, never in one long task (WebCrypto's
 * digest takes the whole buffer on the main thread at once, and only in secure contexts).
 */

const BLOCK = 64;

export class Sha1 {
  private h = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  private readonly w = new Int32Array(80);
  /** Bytes of an incomplete block, kept for the next update. */
  private readonly tail = new Uint8Array(BLOCK);
  private tailLength = 0;
  private length = 0;

  update(bytes: Uint8Array): this {
    this.length += bytes.length;
    let at = 0;
    if (this.tailLength > 0) {
      const take = Math.min(BLOCK - this.tailLength, bytes.length);
      this.tail.set(bytes.subarray(0, take), this.tailLength);
      this.tailLength += take;
      at = take;
      if (this.tailLength < BLOCK) return this;
      this.block(this.tail, 0);
      this.tailLength = 0;
    }
    for (; at + BLOCK <= bytes.length; at += BLOCK) this.block(bytes, at);
    this.tail.set(bytes.subarray(at));
    this.tailLength = bytes.length - at;
    return this;
  }

  /** The hash in lower-case hex (the hasher is spent afterwards). */
  hex(): string {
    const bits = this.length * 8;
    const padding = new Uint8Array((this.tailLength < 56 ? 56 : 120) - this.tailLength + 8);
    padding[0] = 0x80;
    const end = padding.length - 8;
    // The length in bits, big-endian, in the last 8 bytes (high word first).
    const high = Math.floor(bits / 2 ** 32);
    for (let i = 0; i < 4; i++) {
      padding[end + i] = (high >>> (24 - 8 * i)) & 0xff;
      padding[end + 4 + i] = (bits >>> (24 - 8 * i)) & 0xff;
    }
    this.update(padding);
    return Array.from(this.h, (word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
  }

  private block(bytes: Uint8Array, at: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) {
      const j = at + i * 4;
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    const h = this.h;
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    // Four loops of 20 rounds (no branch per round: this loop is all the hashing time).
    for (let i = 0; i < 20; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + w[i]! + 0x5a827999) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 20; i < 40; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + w[i]! + 0x6ed9eba1) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 40; i < 60; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + w[i]! + 0x8f1bbcdc) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 60; i < 80; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + w[i]! + 0xca62c1d6) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
}

/** Bytes hashed between two checks of the time slice. */
const STEP = 64 * 1024;

/** Feeds `bytes` to `hash` in time slices. */
export async function feedInSlices(hash: Sha1, bytes: Uint8Array): Promise<void> {
  const slice = timeSlicer();
  for (let at = 0; at < bytes.length; at += STEP) {
    hash.update(bytes.subarray(at, at + STEP));
    await slice();
  }
}
