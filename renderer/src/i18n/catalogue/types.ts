import type { en } from './en';

/**
 * A catalogue has exactly the English one's keys, each a string in its own language. Plural
 * forms are a language's own (Intl.PluralRules): `_other` always, `_one` where the language has
 * it (Chinese does not: `{{count}} 个键` for every count).
 */
type Plural = `${string}_one`;
type Strings<T> = {
  readonly [K in keyof T as K extends Plural ? never : K]: T[K] extends string ? string : Strings<T[K]>;
} & { readonly [K in keyof T as K extends Plural ? K : never]?: string };
export type Catalogue = Strings<typeof en>;

/** The languages Redlens speaks, as BCP 47 tags. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
