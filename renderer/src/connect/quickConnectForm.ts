import type { ConnectionTarget } from '../../../shared/api/connection';

/** The form as typed (strings), before it becomes a ConnectionTarget. */
export interface QuickConnectForm {
  host: string;
  port: string;
  username: string;
  password: string;
}

export type FieldErrors = Partial<Record<keyof QuickConnectForm, string>>;

export const EMPTY_FORM: QuickConnectForm = { host: '127.0.0.1', port: '6379', username: '', password: '' };

export function validateForm(form: QuickConnectForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.host.trim()) errors.host = 'Enter a host name or IP address.';
  else if (/\s/.test(form.host.trim())) errors.host = 'A host name cannot contain spaces.';
  const port = Number(form.port);
  if (!form.port.trim()) errors.port = 'Enter a port.';
  else if (!Number.isInteger(port) || port < 1 || port > 65535)
    errors.port = 'Port must be a whole number from 1 to 65535.';
  if (form.username && !form.password) errors.password = 'A username needs its password.';
  return errors;
}

export function toTarget(form: QuickConnectForm): ConnectionTarget {
  return {
    host: form.host.trim(),
    port: Number(form.port),
    ...(form.username ? { username: form.username } : {}),
    ...(form.password ? { password: form.password } : {}),
  };
}

export const targetLabel = (form: Pick<QuickConnectForm, 'host' | 'port'>) => `${form.host.trim()}:${form.port.trim()}`;
