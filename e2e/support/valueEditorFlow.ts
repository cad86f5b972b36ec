import { expect, type Locator, type Page } from '@playwright/test';

/** The opened key's region (header and value editor). */
export const keyRegion = (page: Page): Locator => page.getByRole('region', { name: 'Key', exact: true });

/** Opens a key by its exact name through the key browser's search, as a user would. */
export async function openKey(page: Page, name: string): Promise<void> {
  await page.getByLabel('Find keys').fill(name);
  await page.getByLabel('Find keys').press('Enter');
  await expect(keyRegion(page).getByRole('heading', { name, exact: true })).toBeVisible();
}

/** The CodeMirror editing area by its accessible name (it lives in a shadow root; roles pierce it). */
export const editorArea = (scope: Page | Locator, name = 'Value'): Locator =>
  scope.getByRole('textbox', { name, exact: true });

/** Replaces the editor's whole text by typing, as a user would (select all, then type). */
export async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
