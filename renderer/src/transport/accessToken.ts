/**
 * The web host's access token, in the renderer. It arrives in the address's fragment
 * (`/#token=…`): a fragment is never sent to a server, so it stays out of request lines, logs and
 * Referer headers. It is then removed from the address bar and kept only in memory and in this
 * tab's sessionStorage — per origin (so per port, unlike a cookie) and per tab, never sent
 * anywhere — so that a reload still gets in. It authorises only the API socket.
 */

const STORAGE_KEY = 'redlens.accessToken';
/** What our tokens look like (base64url); anything else in the fragment is ignored. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,256}$/;

export interface TokenPage {
  location: { hash: string; pathname: string; search: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  /** Absent or throwing when storage is disabled: then a reload needs the URL again. */
  sessionStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** The token in a `#token=…` fragment, if it carries a well-formed one. */
export function tokenInFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && TOKEN_SHAPE.test(token) ? token : undefined;
}

function remembered(page: TokenPage): string | undefined {
  try {
    const token = page.sessionStorage?.getItem(STORAGE_KEY);
    return token && TOKEN_SHAPE.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

function remember(page: TokenPage, token: string): void {
  try {
    page.sessionStorage?.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: the token lives in memory only, and a reload needs the URL again.
  }
}

/** The address without `token` in its fragment (other fragment parameters stay). */
function withoutToken(location: TokenPage['location']): string {
  const rest = new URLSearchParams(location.hash.replace(/^#/, ''));
  rest.delete('token');
  const hash = rest.toString();
  return `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
}

/**
 * Takes the token at load: from the fragment (then remembered for this tab and removed from the
 * address bar), else the one this tab remembered. Undefined when there is none.
 */
export function takeAccessToken(page: TokenPage): string | undefined {
  const fromAddress = tokenInFragment(page.location.hash);
  if (!fromAddress) return remembered(page);
  remember(page, fromAddress);
  page.history.replaceState(page.history.state, '', withoutToken(page.location));
  return fromAddress;
}
