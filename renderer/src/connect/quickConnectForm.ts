import type { ConnectionTarget } from '../../../shared/api/connection';

/** The form as typed (strings), before it becomes a ConnectionTarget. */
export interface QuickConnectForm {
  host: string;
  port: string;
  username: string;
  password: string;
}

/** Why a field is not valid: a key of the catalogues' `connect.formErrors`. */
export type FormError = 'hostMissing' | 'hostSpaces' | 'portMissing' | 'portRange' | 'passwordMissing';
export type FieldErrors = Partial<Record<keyof QuickConnectForm, FormError>>;

export const EMPTY_FORM: QuickConnectForm = { host: '127.0.0.1', port: '6379', username: '', password: '' };

export function validateForm(form: QuickConnectForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.host.trim()) errors.host = 'hostMissing';
  else if (/\s/.test(form.host.trim())) errors.host = 'hostSpaces';
  const port = Number(form.port);
  if (!form.port.trim()) errors.port = 'portMissing';
  else if (!Number.isInteger(port) || port < 1 || port > 65535) errors.port = 'portRange';
  if (form.username && !form.password) errors.password = 'passwordMissing';
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
