import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/transport';
import { fail, type Result } from '../../shared/api/result';
import type { Dispatch } from '../core/api/dispatch';
import type { EventBus } from '../core/events/eventBus';

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  events: EventBus;
  /** True only for frames that show our own renderer (checked before the payload). */
  isTrustedUrl: (url: string) => boolean;
}

type Target = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Connects the renderer to core: `ipcMain.handle` → dispatch (after validating the sender
 * frame), and every core event → `webContents.send` to each attached window.
 */
export function registerIpcBridge({ ipcMain, dispatch, events, isTrustedUrl }: IpcBridgeOptions) {
  const targets = new Set<Target>();

  ipcMain.handle(
    IPC_INVOKE,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(frameUrl)) {
        return fail({ code: 'INTERNAL', message: 'Refused: the request did not come from the Redlens window.' });
      }
      return dispatch(typeof method === 'string' ? method : '', input);
    },
  );

  const stopEvents = events.onAny((name, payload) => {
    for (const target of targets) {
      if (target.isDestroyed()) targets.delete(target);
      else target.send(IPC_EVENT, name, payload);
    }
  });

  return {
    attach(target: Target): () => void {
      targets.add(target);
      return () => targets.delete(target);
    },
    dispose() {
      stopEvents();
      ipcMain.removeHandler(IPC_INVOKE);
      targets.clear();
    },
  };
}
