import { describe, expect, it } from 'vitest';
import { writePause } from './writeAccess';
import { view } from './testSupport/sessionViewFixture';

describe('writePause', () => {
  it('lets writes go only while the session is ready on a master', () => {
    expect(writePause(view({}))).toBeUndefined();
    expect(writePause(view({ state: 'connecting' }))).toMatch(/still connecting/);
    expect(writePause(view({ state: 'reconnecting', attempt: 1 }))).toMatch(/reconnecting/);
    expect(writePause(view({ state: 'failed' }))).toMatch(/failed/);
    expect(writePause(undefined)).toMatch(/closed/);
  });

  it('names the missing master during a failover', () => {
    expect(writePause(view({ state: 'reconnecting', attempt: 3, noMaster: true }))).toBe(
      'Writes are paused: no master (failover in progress).',
    );
  });

  it('does not pause a read-only session: it has no write actions at all', () => {
    expect(writePause(view({ readOnly: true, state: 'reconnecting', noMaster: true }))).toBeUndefined();
  });
});
