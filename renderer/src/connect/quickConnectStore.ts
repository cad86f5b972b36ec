import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { ConnectionStateEvent } from '../../../shared/api/events';
import type { ServerInfo } from '../../../shared/api/server';
import { api } from '../api/client';
import { EMPTY_FORM, targetLabel, toTarget, validateForm, type QuickConnectForm } from './quickConnectForm';

export type Outcome =
  | { status: 'idle' }
  | { status: 'connecting'; target: string; phase: ConnectionStateEvent['state'] }
  /** `quickId`: the transient profile core keeps for Browse and Save as profile. */
  | { status: 'connected'; target: string; info: ServerInfo; at: number; quickId: string }
  | { status: 'failed'; target: string; error: ApiError };

export interface RecentServer {
  host: string;
  port: string;
  username: string;
  version: string;
  role: string;
}

const MAX_RECENT = 8;

interface QuickConnectState {
  form: QuickConnectForm;
  /** Fields the user has left at least once, so errors do not shout while typing. */
  touched: Partial<Record<keyof QuickConnectForm, boolean>>;
  /** A session opened from here (Browse) refuses writes. */
  readOnly: boolean;
  outcome: Outcome;
  recent: RecentServer[];
  setField(field: keyof QuickConnectForm, value: string): void;
  setReadOnly(readOnly: boolean): void;
  touch(field: keyof QuickConnectForm): void;
  fillFrom(server: RecentServer): void;
  connect(): Promise<void>;
  /** Progress pushed by core while a connection is being made. */
  onConnectionState(event: ConnectionStateEvent): void;
}

export const useQuickConnect = create<QuickConnectState>((set, get) => ({
  form: EMPTY_FORM,
  touched: {},
  readOnly: false,
  outcome: { status: 'idle' },
  recent: [],
  setField: (field, value) => set((s) => ({ form: { ...s.form, [field]: value } })),
  setReadOnly: (readOnly) => set({ readOnly }),
  touch: (field) => set((s) => ({ touched: { ...s.touched, [field]: true } })),
  fillFrom: (server) =>
    set({ form: { host: server.host, port: server.port, username: server.username, password: '' }, touched: {} }),
  onConnectionState: (event) => {
    const { outcome } = get();
    if (outcome.status === 'connecting' && outcome.target === event.target) {
      set({ outcome: { ...outcome, phase: event.state } });
    }
  },
  connect: async () => {
    const { form, readOnly } = get();
    if (Object.keys(validateForm(form)).length > 0) {
      set({ touched: { host: true, port: true, username: true, password: true } });
      return;
    }
    const target = targetLabel(form);
    set({ outcome: { status: 'connecting', target, phase: 'connecting' } });
    const result = await api.call('quick.connect', { ...toTarget(form), readOnly });
    if (get().outcome.status !== 'connecting') return;
    if (!result.ok) {
      set({ outcome: { status: 'failed', target, error: result.error } });
      return;
    }
    const { info, quickId } = result.value;
    const entry: RecentServer = {
      host: form.host.trim(),
      port: form.port.trim(),
      username: form.username,
      version: info.version,
      role: info.role,
    };
    set((s) => ({
      outcome: { status: 'connected', target, info, at: Date.now(), quickId },
      recent: [
        entry,
        ...s.recent.filter((r) => !(r.host === entry.host && r.port === entry.port && r.username === entry.username)),
      ].slice(0, MAX_RECENT),
    }));
  },
}));

/** Errors to show now: only for touched fields. */
export const selectVisibleErrors = (s: Pick<QuickConnectState, 'form' | 'touched'>) => {
  const all = validateForm(s.form);
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.touched[k as keyof QuickConnectForm]));
};
