import { describe, expect, it } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/transport';
import { createDispatch, type Handlers } from '../core/api/dispatch';
import { EventBus } from '../core/events/eventBus';
import { registerIpcBridge, type IpcBridgeOptions } from './ipcBridge';

// A stand-in for Electron's ipcMain (the binary is not available here); core's real dispatch.
function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcBridgeOptions['ipcMain'];
  const invoke = (frameUrl: string, ...args: unknown[]) =>
    handlers.get(IPC_INVOKE)!({ senderFrame: { url: frameUrl } }, ...args);
  return { ipcMain, handlers, invoke };
}

const APP = 'file:///opt/redlens/out/renderer/index.html';

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
  const bridge = registerIpcBridge({ ipcMain: fake.ipcMain, dispatch, events, isTrustedUrl: (u) => u.startsWith(APP) });
  return { ...fake, events, bridge };
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
