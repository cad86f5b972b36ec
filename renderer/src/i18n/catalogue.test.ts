import { describe, expect, it } from 'vitest';
import { en } from './catalogue/en';
import { zhCN } from './catalogue/zhCN';
import { i18n, systemLanguage } from './i18n';

// Guard rails so nothing ships untranslated: both catalogues have the same keys with the same
// `{{values}}`, and the Chinese is Chinese (that every key is used: e2e/architecture/i18nKeys.test.ts).
type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const english = flatten(en);
const chinese = flatten(zhCN);
/** The values a message fills in: `{{name}}`, or `{{count, number}}` with a format. */
const values = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** English's keys as `language` has them: each plural in the forms that language has. */
function keysFor(language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (!PLURAL.test(key)) keys.add(key);
    else for (const form of forms) keys.add(key.replace(PLURAL, `_${form}`));
  }
  return [...keys].sort();
}
/** A language's text for an English key: a plural form it lacks is its `_other`. */
const chineseFor = (key: string) => chinese.get(key) ?? chinese.get(key.replace(PLURAL, '_other'));

/** Strings that are the same in both languages: names that are not translated. */
const SAME_IN_BOTH = new Set([
  'settings.languageNames.en',
  'settings.languageNames.zh-CN',
  'connect.redisVersion',
  'app.dbTag',
]);

/** Redis terms kept as Redis spells them in every language (docs/i18n-glossary.md). */
const KEPT_TERMS = /\b(db|Redis|INFO|TTL)\b/g;

describe('the catalogues', () => {
  it('en and zh-CN have the same keys, plurals in the forms each language has', () => {
    expect(english.has('keys.scan.matches_one')).toBe(true);
    expect(keysFor('zh-CN')).not.toContain('keys.scan.matches_one');
    expect([...chinese.keys()].sort()).toEqual(keysFor('zh-CN'));
    expect([...english.keys()].sort()).toEqual(keysFor('en'));
  });

  it('each message fills in the same values in both languages', () => {
    for (const [key, text] of english) {
      // English's "the only key" needs no count; Chinese says every count the same way.
      const expected = values(text);
      const got = values(chineseFor(key) ?? '');
      if (key.endsWith('_one') && !chinese.has(key)) expect(got, key).toEqual(expect.arrayContaining(expected));
      else expect(got, key).toEqual(expected);
    }
  });

  it('numbers are written the way the language writes them', () => {
    const status = { keys: 412_000, count: 1_000_000 };
    expect(i18n.getFixedT('en')('keys.scan.progress', status)).toBe('412,000 of ~1,000,000 keys');
    expect(i18n.getFixedT('zh-CN')('keys.scan.progress', status)).toBe('412,000 / ~1,000,000 个键');
    expect(i18n.getFixedT('en')('keys.scan.progress', { keys: 0, count: 1 })).toBe('0 of ~1 key');
  });

  it('the Chinese is Chinese (except names kept as they are)', () => {
    for (const [key, text] of chinese) {
      if (SAME_IN_BOTH.has(key)) continue;
      expect(text, key).not.toBe(english.get(key));
      // Words need Chinese; a message of punctuation around values (" — {{message}}") does not.
      const words = english
        .get(key)!
        .replace(/{{[^}]*}}/g, '')
        .replace(KEPT_TERMS, '');
      if (/[A-Za-z]/.test(words)) expect(text, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('each language words a message its own way', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(t('session.noMasterFor', { name: 'mymaster' })).toBe('“mymaster”没有主节点');
    expect(i18n.getFixedT('en')('session.noMasterFor', { name: 'mymaster' })).toBe('No master for "mymaster"');
  });
});

describe('the system language', () => {
  it('is the first of the system languages Redlens speaks; Simplified Chinese only', () => {
    expect(systemLanguage(['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(systemLanguage(['zh-Hans-SG'])).toBe('zh-CN');
    expect(systemLanguage(['zh'])).toBe('zh-CN');
    expect(systemLanguage(['zh-TW', 'en-GB'])).toBe('en');
    expect(systemLanguage(['fr-FR', 'de'])).toBe('en');
    expect(systemLanguage(['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(systemLanguage([])).toBe('en');
  });
});
