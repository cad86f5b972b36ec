import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseServeArgs } from './serveCli';

describe('parseServeArgs', () => {
  it('defaults to loopback', () => {
    expect(parseServeArgs([])).toEqual({ host: '127.0.0.1', port: DEFAULT_PORT });
  });
  it('takes --host and --port (0 = any free port)', () => {
    expect(parseServeArgs(['--host', '0.0.0.0', '--port', '0'])).toEqual({ host: '0.0.0.0', port: 0 });
    expect(parseServeArgs(['--port=8080'])).toEqual({ host: '127.0.0.1', port: 8080 });
  });
  it('refuses bad ports and unknown flags with the usage', () => {
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/Invalid --port/);
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/Invalid --port/);
    expect(() => parseServeArgs(['--bogus'])).toThrow();
  });
});
