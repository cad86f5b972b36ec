import type { EventMap, EventName } from '../../../shared/api/events';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/methods';
import type { Result } from '../../../shared/api/result';
import type { RedlensBridge } from '../../../shared/api/transport';
import { withWords } from './errorWords';

let bridge: RedlensBridge | undefined;

/** Set once at start-up (main.tsx) with the transport picked for this window. */
export function setBridge(b: RedlensBridge): void {
  bridge = b;
}

const current = (): RedlensBridge => {
  if (!bridge) throw new Error('The API bridge is not set up yet');
  return bridge;
};

/** Typed calls into core; every call resolves to a Result, never throws. */
export const api = {
  call: <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> =>
    current().invoke(method, input).then(withWords),
  on: <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): (() => void) =>
    current().subscribe(event, listener),
};
