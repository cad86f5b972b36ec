import { describe, expect, it } from 'vitest';
import { parseStoredSettings } from './settingsStore';

describe('stored settings', () => {
  it('keep what is valid and fall back field by field', () => {
    expect(parseStoredSettings('{"language":"zh-CN"}')).toEqual({ language: 'zh-CN' });
    expect(parseStoredSettings('{"language":"en","future":1}')).toEqual({ language: 'en' });
    expect(parseStoredSettings('{"language":"klingon"}')).toEqual({ language: 'system' });
  });

  it('a damaged, missing or huge value is the defaults, never an error', () => {
    for (const raw of [null, '', 'not json', '[1,2]', 'null', '"zh-CN"', `{"language":"${'x'.repeat(70_000)}"}`]) {
      expect(parseStoredSettings(raw)).toEqual({ language: 'system' });
    }
  });
});
