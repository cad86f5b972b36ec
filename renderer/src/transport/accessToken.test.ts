import { describe, expect, it } from 'vitest';
import { takeAccessToken, tokenInFragment, type TokenPage } from './accessToken';

const TOKEN = 'Fw8_PIPqv3-0123456789abcdefghijklmnopqrstu';

/** A tab: an address, its history and its sessionStorage. */
function tab(address: string, storage = new Map<string, string>()) {
  const url = new URL(address);
  const page: TokenPage & { address(): string } = {
    location: url,
    history: {
      state: null,
      replaceState: (_data, _unused, next) => {
        const moved = new URL(next, url);
        url.hash = moved.hash;
        url.search = moved.search;
        url.pathname = moved.pathname;
      },
    },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    address: () => url.href,
  };
  return { page, storage };
}

describe('takeAccessToken', () => {
  it('takes the token from the fragment and removes it from the address bar', () => {
    const { page } = tab(`http://127.0.0.1:5757/#token=${TOKEN}`);
    expect(takeAccessToken(page)).toBe(TOKEN);
    expect(page.address()).toBe('http://127.0.0.1:5757/');
  });

  it('keeps it for a reload of the same tab only', () => {
    const { page, storage } = tab(`http://127.0.0.1:5757/#token=${TOKEN}`);
    takeAccessToken(page);
    // The reload: same tab (same sessionStorage), the address has no token any more.
    expect(takeAccessToken(tab('http://127.0.0.1:5757/', storage).page)).toBe(TOKEN);
    // Another tab opened on the bare address has none.
    expect(takeAccessToken(tab('http://127.0.0.1:5757/').page)).toBeUndefined();
  });

  it('a new token in the address replaces the remembered one', () => {
    const { storage } = tab('http://127.0.0.1:5757/');
    storage.set('redlens.accessToken', TOKEN);
    const fresh = `${TOKEN.slice(0, -1)}Z`;
    expect(takeAccessToken(tab(`http://127.0.0.1:5757/#token=${fresh}`, storage).page)).toBe(fresh);
    expect(storage.get('redlens.accessToken')).toBe(fresh);
  });

  it('keeps other fragment parameters and the query', () => {
    const { page } = tab(`http://127.0.0.1:5757/?a=1#x=2&token=${TOKEN}`);
    expect(takeAccessToken(page)).toBe(TOKEN);
    expect(page.address()).toBe('http://127.0.0.1:5757/?a=1#x=2');
  });

  it('still works in memory when storage is disabled', () => {
    const { page } = tab(`http://127.0.0.1:5757/#token=${TOKEN}`);
    page.sessionStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(takeAccessToken(page)).toBe(TOKEN);
    expect(takeAccessToken(page)).toBeUndefined();
  });
});

describe('tokenInFragment', () => {
  it('ignores what is not one of our tokens', () => {
    for (const hash of ['', '#', '#token=', '#token=short', '#token=has%20space-and-more-chars', `#other=${TOKEN}`]) {
      expect(tokenInFragment(hash)).toBeUndefined();
    }
    expect(tokenInFragment(`#token=${TOKEN}`)).toBe(TOKEN);
  });
});
