import { describe, expect, it } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/transport';
import { createDispatch, type Handlers } from '../core/api/dispatch';
import { EventBus } from '../core/events/eventBus';
import { registerIpcBridge, type IpcBridgeOptions } from './ipcBridge';

// A stand-in for Electron's ipcMain (the binary is not available here); core's real dispatch.
type Frame = { url: string; parent: Frame | null };
function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcBridgeOptions['ipcMain'];
  const call = (sender: unknown, senderFrame: Frame | null, ...args: unknown[]) =>
    handlers.get(IPC_INVOKE)!({ sender, senderFrame }, ...args);
  return { ipcMain, handlers, call };
}

const fakeWebContents = () => ({ send: () => {}, isDestroyed: () => false });
const topFrame = (url: string): Frame => ({ url, parent: null });

const APP = 'app://redlens/index.html';

function setup() {
  const events = new EventBus();
  const dispatch = createDispatch({
    'app.version': async () => ({ name: 'Redlens', version: '9.9.9', host: 'electron', platform: 'linux' }),
    'server.ping': async () => ({ reply: 'PONG', latencyMs: 0 }),
    'server.info': async () => {
      throw new Error('not used');
    },
  } as Partial<Handlers> as Handlers);
  const fake = fakeIpcMain();
  const bridge = registerIpcBridge({ ipcMain: fake.ipcMain, dispatch, events, isTrustedUrl: (u) => u === APP });
  const window = fakeWebContents();
  bridge.attach(window);
  // A call from the top frame of the attached window.
  const invoke = (frameUrl: string, ...args: unknown[]) => fake.call(window, topFrame(frameUrl), ...args);
  return { ...fake, events, bridge, window, invoke };
}

describe('registerIpcBridge', () => {
  it('dispatches calls from the app frame', async () => {
    const { invoke } = setup();
    expect(await invoke(APP, 'app.version', {})).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect(await invoke(APP, 'server.ping', { host: 'x', port: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses frames that are not ours before looking at the payload', async () => {
    const { invoke } = setup();
    const result = await invoke('https://evil.example/', 'app.version', {});
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/did not come from the Redlens window/) },
    });
    expect(await invoke('', 'app.version', {})).toMatchObject({ ok: false });
  });

  it('refuses our own URL in a sub-frame, a frame that is gone, or a window it did not attach', async () => {
    const { call, window, bridge } = setup();
    const refused = { ok: false, error: { code: 'INTERNAL' } };
    expect(await call(window, { url: APP, parent: topFrame(APP) }, 'app.version', {})).toMatchObject(refused);
    expect(await call(window, null, 'app.version', {})).toMatchObject(refused);
    expect(await call(fakeWebContents(), topFrame(APP), 'app.version', {})).toMatchObject(refused);
    const other = fakeWebContents();
    bridge.attach(other)();
    expect(await call(other, topFrame(APP), 'app.version', {})).toMatchObject(refused);
    expect(await call(window, topFrame(APP), 'app.version', {})).toMatchObject({ ok: true });
  });

  it('forwards events to attached windows until detached or destroyed', () => {
    const { events, bridge } = setup();
    const sent: unknown[][] = [];
    let destroyed = false;
    const target = { send: (...a: unknown[]) => sent.push(a), isDestroyed: () => destroyed };
    const detach = bridge.attach(target as never);
    events.emit('connection.state', { target: 'h:1', state: 'ready', at: 1 });
    detach();
    events.emit('connection.state', { target: 'h:1', state: 'closed', at: 2 });
    bridge.attach(target as never);
    destroyed = true;
    events.emit('connection.state', { target: 'h:1', state: 'closed', at: 3 });
    expect(sent).toEqual([[IPC_EVENT, 'connection.state', { target: 'h:1', state: 'ready', at: 1 }]]);
  });

  it('removes its handler on dispose', () => {
    const { bridge, handlers, events } = setup();
    bridge.dispose();
    expect(handlers.has(IPC_INVOKE)).toBe(false);
    expect(events.listenerCount).toBe(0);
  });
});
