import { describe, expect, it } from 'vitest';
import { errorText } from '../editors/apiErrors';
import { sessionGoneText } from './sessionGoneText';

describe('a session that is not open', () => {
  it('is named by its profile and server, never by its id', () => {
    const error = {
      code: 'NOT_FOUND' as const,
      message: 'No open session 55597b9b-1c2d. It may have been closed.',
      details: { session: { profileId: 'p1', profileName: 'Cache', address: '127.0.0.1:6380' } },
    };
    expect(errorText(error)).toBe(
      'The session of “Cache” to 127.0.0.1:6380 is no longer open (it failed or was closed): open “Cache” again.',
    );
    const unknown = { ...error, details: { session: {} } };
    expect(errorText(unknown)).not.toContain('55597b9b');
  });

  it('leaves other errors to their own words', () => {
    expect(sessionGoneText({ code: 'NOT_FOUND', message: 'No such profile.' })).toBeUndefined();
    expect(errorText({ code: 'TIMEOUT', message: 'No answer.' })).toBe('Timed out: No answer.');
  });
});
