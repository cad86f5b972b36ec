import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerMessage } from '../../../shared/api/transport';

// Helpers for the web host's tests: a tiny built renderer, raw TCP sockets that send exactly the
// bytes given, a WebSocket frame builder and reader, and a real `ws` client.

/** A folder that looks like the built renderer (index.html + one asset). */
export function fakeRendererDir(prefix = 'redlens-webhost-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Redlens</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

export interface RawOutcome {
  /** Status code of the first response line, if one came. */
  status?: number;
  /** Everything the host sent before it closed the connection. */
  text: string;
}

/** Opens a TCP connection, resolving once connected. */
export function rawConnect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Sends `bytes` on a fresh connection and collects the answer until the host closes it (so send
 * `Connection: close` where the host would keep it alive). A reset counts as closed.
 */
export async function rawExchange(port: number, bytes: string | Buffer): Promise<RawOutcome> {
  const socket = await rawConnect(port);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve(m ? { status: Number(m[1]), text } : { text });
    });
    socket.write(bytes);
  });
}

/** The request lines of a WebSocket upgrade for `path`, with extra header lines. */
export function upgradeRequest(port: number, path: string, extra: string[] = []): string {
  return [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra,
    '',
    '',
  ].join('\r\n');
}

/** A WebSocket opened over a raw socket: the bytes after the 101 answer are frames. */
export interface RawWebSocket {
  socket: Socket;
  /** Resolves with the close code of the first close frame the host sends (undefined: closed without one). */
  closeCode: Promise<number | undefined>;
  /** Text messages received so far. */
  messages: string[];
}

/** Completes an authenticated upgrade on a raw socket, then parses what the host sends. */
export async function rawWebSocket(port: number, token: string, origin = `http://127.0.0.1:${port}`) {
  const socket = await rawConnect(port);
  socket.on('error', () => undefined);
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const messages: string[] = [];
  let settleClose!: (code: number | undefined) => void;
  const closeCode = new Promise<number | undefined>((resolve) => (settleClose = resolve));
  let settleOpen!: (ok: boolean) => void;
  const opened = new Promise<boolean>((resolve) => (settleOpen = resolve));

  socket.on('data', (d: Buffer) => {
    buffer = Buffer.concat([buffer, d]);
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = buffer.subarray(0, 12).toString() === 'HTTP/1.1 101';
      settleOpen(upgraded);
      buffer = buffer.subarray(end + 4);
    }
    for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
      buffer = buffer.subarray(frame.size);
      if (frame.opcode === 0x1) messages.push(frame.payload.toString('utf8'));
      if (frame.opcode === 0x8) settleClose(frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005);
    }
  });
  socket.once('close', () => {
    settleOpen(false);
    settleClose(undefined);
  });
  socket.write(upgradeRequest(port, `/api?token=${token}`, [`Origin: ${origin}`]));
  if (!(await opened)) throw new Error('the upgrade was refused');
  return { socket, closeCode, messages } satisfies RawWebSocket;
}

function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return undefined;
  return { opcode: buffer[0]! & 0x0f, payload: buffer.subarray(offset, offset + length), size: offset + length };
}

export interface FrameOptions {
  fin?: boolean;
  /** RSV1..3 as bits 0b100..0b001. */
  rsv?: number;
  mask?: boolean;
  /** Announce this payload length instead of the real one (the payload is still what is given). */
  announcedLength?: number;
}

/** One client frame, masked unless told otherwise. */
export function frame(opcode: number, payload: Buffer | string, options: FrameOptions = {}): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const { fin = true, rsv = 0, mask = true } = options;
  const length = options.announcedLength ?? body.length;
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 0b111) << 4) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(length));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), ext, body]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const masked = Buffer.from(body.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), ext, key, masked]);
}

/** A text frame with one invoke message. */
export const invokeFrame = (id: number, method: string, input: unknown = {}) =>
  frame(0x1, JSON.stringify({ type: 'invoke', id, method, input }));

export interface ClientOptions {
  /** Use wss, trusting this CA certificate (PEM). */
  ca?: Buffer;
  /** The Origin header (default: our own page's origin). */
  origin?: string;
}

/** Opens a real `ws` client with the token and our own Origin; resolves once open. */
export function openClient(port: number, token: string, options: ClientOptions = {}) {
  const [scheme, httpScheme] = options.ca ? ['wss', 'https'] : ['ws', 'http'];
  const ws = new WebSocket(`${scheme}://127.0.0.1:${port}/api?token=${token}`, {
    headers: { origin: options.origin ?? `${httpScheme}://127.0.0.1:${port}` },
    ...(options.ca ? { ca: options.ca } : {}),
  });
  return new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

/** Sends one call on an open client and resolves with its result. */
export function call(ws: WebSocket, id: number, method: string, input: unknown = {}) {
  return new Promise<Extract<ServerMessage, { type: 'result' }>['result']>((resolve, reject) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const message = JSON.parse(String(raw)) as ServerMessage;
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => reject(new Error(`closed (${code}) before the answer to ${method}`)));
    ws.send(JSON.stringify({ type: 'invoke', id, method, input }));
  });
}

/** A fresh real client asks `app.version` and gets the right answer, then leaves. */
export async function versionThroughRealClient(port: number, token: string, options: ClientOptions = {}) {
  const ws = await openClient(port, token, options);
  try {
    return await call(ws, 1, 'app.version');
  } finally {
    ws.close();
  }
}
