import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, type EventName } from '../../shared/api/events';
import { IPC_EVENT, IPC_INVOKE, type RedlensBridge } from '../../shared/api/transport';

/*
 * The one object the renderer gets: `window.redlens`. It never exposes ipcRenderer, process or
 * any Node API. Bundled to a single CommonJS file so `sandbox: true` works.
 */
const bridge: RedlensBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  subscribe: (event, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const handler = (_e: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('redlens', bridge);
