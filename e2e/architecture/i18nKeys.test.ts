import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/catalogue/en';

// No dead words: every key of the catalogues is used by the renderer, as a literal key or, for a
// key picked at run time, a template under its parent (`settings.languageNames.${lang}`).
type Tree = { readonly [key: string]: string | Tree };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : keysOf(value, path);
  });

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'catalogue' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

export function unusedKeys(catalogue: Tree, code: string): string[] {
  return keysOf(catalogue).filter((key) => {
    const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
    if (code.includes(`'${base}'`) || code.includes(`"${base}"`)) return false;
    return !code.includes(`\`${base.slice(0, base.lastIndexOf('.'))}.\${`);
  });
}

describe('catalogue keys', () => {
  it('every key is used by the renderer', () => {
    expect(unusedKeys(en, sources(join(process.cwd(), 'renderer/src')).join('\n'))).toEqual([]);
  });

  it('an unused key is reported (the check can fail)', () => {
    const code = "t('a.used'); t(`a.picked.${x}`);";
    expect(
      unusedKeys({ a: { used: 'x', unused: 'y', picked: { one: '1' }, n_one: 'n', n_other: 'ns' } }, code),
    ).toEqual(['a.unused', 'a.n_one', 'a.n_other']);
  });
});
