import { useTranslation } from 'react-i18next';
import { errorTitle } from '../ui/errorTitles';
import { Facts } from '../ui/Facts';
import { formatDuration } from '../ui/format';
import { QuickActions } from './QuickActions';
import { useQuickConnect } from './quickConnectStore';

/** Shown for a fact the server did not give. */
const NONE = '—';

/** The result of the last quick connect: progress, the server's identity, or the precise error. */
export function ConnectOutcome() {
  const outcome = useQuickConnect((s) => s.outcome);
  const { t } = useTranslation();

  if (outcome.status === 'idle') {
    return <p className="hint">{t('connect.idle')}</p>;
  }
  if (outcome.status === 'connecting') {
    return (
      <p className="status-line" role="status">
        <span className="spinner" aria-hidden="true" />{' '}
        {t(`connect.phases.${outcome.phase}`, { target: outcome.target })}
      </p>
    );
  }
  if (outcome.status === 'failed') {
    return (
      <div className="result result-error" role="alert">
        <h2>
          {errorTitle(outcome.error.code, t)}{' '}
          <span className="muted">{t('connect.failedAt', { target: outcome.target })}</span>
        </h2>
        <p>{outcome.error.message}</p>
        <p className="code">{t('connect.errorCode', { code: outcome.error.code })}</p>
      </div>
    );
  }
  const { info, target, quickId } = outcome;
  // Mode and role as Redis says them (standalone, master…): INFO's words.
  const facts = [
    {
      label: t('connect.facts.version'),
      value: t('connect.redisVersion', { version: info.version }),
      testId: 'server-version',
    },
    { label: t('connect.facts.mode'), value: info.mode, testId: 'server-mode' },
    { label: t('connect.facts.role'), value: info.role, testId: 'server-role' },
    { label: t('connect.facts.latency'), value: t('format.milliseconds', { ms: info.latencyMs.toFixed(2) }) },
    { label: t('connect.facts.uptime'), value: formatDuration(info.uptimeSeconds, t) },
    { label: t('connect.facts.clients'), value: info.connectedClients ?? NONE },
    { label: t('connect.facts.memory'), value: info.usedMemoryHuman ?? NONE },
  ];
  return (
    <div className="result result-ok" role="status" aria-label={t('connect.connectedTo', { target })}>
      <h2>{t('connect.connectedTo', { target })}</h2>
      <Facts items={facts} />
      <QuickActions quickId={quickId} target={target} />
    </div>
  );
}
