import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from './appPath';

const ROOT = '/opt/redlens/resources/app.asar/out/renderer';
const at = (path: string) => resolveAppPath(`app://redlens${path}`, ROOT);

describe('resolveAppPath', () => {
  it('maps app://redlens/… to files under the renderer folder, with their MIME types', () => {
    expect(at('/')).toEqual({ file: join(ROOT, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(at('/index.html?x=1#y')).toEqual({
      file: join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(at('/assets/index-AbC_1.js')).toEqual({
      file: join(ROOT, 'assets', 'index-AbC_1.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(at('/assets/index-1.css')).toMatchObject({ contentType: 'text/css; charset=utf-8' });
    expect(at('/favicon.svg')).toMatchObject({ contentType: 'image/svg+xml' });
    expect(at('/fonts/x.WOFF2')).toMatchObject({ contentType: 'font/woff2' });
    expect(at('/a%20b.js')).toEqual({ file: join(ROOT, 'a b.js'), contentType: 'text/javascript; charset=utf-8' });
  });

  it('never leaves the folder: plain, encoded and double-encoded traversal', () => {
    for (const p of [
      '/../../../../etc/passwd.txt',
      '/%2e%2e/%2e%2e/secret.json',
      '/%2E%2E/secret.json',
      '/..%2f..%2f..%2fetc%2fpasswd.txt',
      '/assets/..%2F..%2Fsecret.json',
      '/.%2e/secret.json',
      '/assets/%2e/x.js',
    ]) {
      const r = at(p);
      if ('file' in r) expect(r.file.startsWith(ROOT + '/'), p).toBe(true);
    }
    expect(at('/..%2f..%2fsecret.json')).toEqual({ status: 400 });
    expect(at('/assets/%2e%2e%2f%2e%2e%2fsecret.json')).toEqual({ status: 400 });
    // Double-encoded: decoded once it is a harmless literal name.
    expect(at('/%252e%252e/x.js')).toEqual({ file: join(ROOT, '%2e%2e', 'x.js'), contentType: expect.any(String) });
  });

  it('refuses absolute paths, Windows separators and drive letters', () => {
    for (const p of ['//etc/passwd.txt', '/%2fetc%2fpasswd.txt', '/%5c..%5csecret.json', '/C:%5cWindows%5cwin.ini.txt'])
      expect(at(p), p).toEqual({ status: 400 });
    expect(at('/C:/x.js')).toEqual({ status: 400 });
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(at('/index.html%00.js')).toEqual({ status: 400 });
    expect(at('/%E0%A4%A.js')).toEqual({ status: 400 });
  });

  it('serves only known file types and only our host', () => {
    expect(at('/assets/index.js.map')).toEqual({ status: 404 });
    expect(at('/package')).toEqual({ status: 404 });
    expect(at('/x.exe')).toEqual({ status: 404 });
    for (const u of [
      'app://evil/index.html',
      'app://redlens.evil/index.html',
      'app://u:p@redlens/index.html',
      'file:///opt/redlens/resources/app.asar/out/renderer/index.html',
      'https://redlens/index.html',
    ])
      expect(resolveAppPath(u, ROOT), u).toEqual({ status: 404 });
    expect(resolveAppPath(`app://redlens/${'a'.repeat(5000)}.js`, ROOT)).toEqual({ status: 400 });
    expect(resolveAppPath('app://[', ROOT)).toEqual({ status: 400 });
  });
});
