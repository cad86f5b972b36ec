import type { Page } from '@playwright/test';

/** Saves a standalone profile through the form and opens it, as a user would. */
export async function saveProfileAndConnect(page: Page, name: string, port: number): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: `Connect to ${name}` }).click();
}
