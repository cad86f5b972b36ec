const BASE = 'http://redlens.invalid';

/**
 * The URL of a request target, or undefined when it is not a plain origin-form path: `//x`
 * (a scheme-relative URL that `new URL` either rejects or reads as another host), absolute
 * URLs, `*`, or anything `new URL` cannot parse. The caller answers 400.
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  if (!target || target[0] !== '/' || target[1] === '/' || target[1] === '\\') return undefined;
  try {
    const url = new URL(target, BASE);
    return url.origin === BASE ? url : undefined;
  } catch {
    return undefined;
  }
}
