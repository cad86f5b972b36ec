import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/transport';
import { fail, type Result } from '../../shared/api/result';
import type { Dispatch } from '../core/api/dispatch';
import type { EventBus } from '../core/events/eventBus';

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  events: EventBus;
  /** True only for URLs on our renderer's origin (checked before the payload). */
  isTrustedUrl: (url: string) => boolean;
}

type Target = Pick<WebContents, 'send' | 'isDestroyed'>;
type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * A call is ours only when it comes from the top frame of a window this bridge attached, and that
 * frame shows our renderer. A frame that is gone (null), a sub-frame, or any other webContents
 * is refused whatever its URL.
 */
function isTrustedSender(event: SenderEvent, targets: ReadonlySet<Target>, isTrustedUrl: (url: string) => boolean) {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && targets.has(event.sender) && isTrustedUrl(frame.url);
}

/**
 * Connects the renderer to core: `ipcMain.handle` → dispatch (after validating the sender
 * frame), and every core event → `webContents.send` to each attached window. Attach a window
 * before loading its page: only attached windows may call.
 */
export function registerIpcBridge({ ipcMain, dispatch, events, isTrustedUrl }: IpcBridgeOptions) {
  const targets = new Set<Target>();

  ipcMain.handle(IPC_INVOKE, async (event: SenderEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, targets, isTrustedUrl)) {
      return fail({ code: 'INTERNAL', message: 'Refused: the request did not come from the Redlens window.' });
    }
    return dispatch(typeof method === 'string' ? method : '', input);
  });

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
