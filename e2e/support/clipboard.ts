import type { Page } from '@playwright/test';

/** The clipboard's text, read in the page (e2e code is compiled without DOM types). */
export const clipboardText = (page: Page): Promise<string> =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
