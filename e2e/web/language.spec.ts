import { expect, test, type Page } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// The language is switched in Settings, takes effect at once (no reload: the open session and
// the page stay), and is remembered. Screens are translated folder by folder (issue 14); this
// checks the ones done so far: the sidebar, the session status and Settings.
const bed = hostAndRedisPerFile();
const sidebarHeading = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Redlens' }).getByRole('heading', { name });

test('switching to Simplified Chinese and back, at once and remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bed.host.url);
  await saveProfileAndConnect(page, 'Lang', bed.redis.port);
  const address = `127.0.0.1:${bed.redis.port}`;
  await expect(page.getByRole('status').filter({ hasText: `Connected to ${address}` })).toBeVisible();
  await page.evaluate(() => ((globalThis as { sameDocument?: boolean }).sameDocument = true));

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption({ label: '简体中文' });
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(sidebarHeading(page, '连接')).toBeVisible();
  await expect(page.getByRole('button', { name: '快速连接' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.screenshot({ path: 'test-results/screenshots/settings-zh-CN.png' });

  await page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab', { name: /Lang/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `已连接到 ${address}` })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/session-zh-CN.png' });

  // Remembered: a reload speaks Chinese from the first render; the home screen too.
  await page.reload();
  await expect(sidebarHeading(page, '连接')).toBeVisible();
  await expect(page.getByRole('heading', { name: '连接', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '连接到 Lang' })).toBeVisible();
  await expect(page.getByRole('list', { name: '已保存的连接' })).toContainText('单机');
  await page.screenshot({ path: 'test-results/screenshots/home-zh-CN.png' });
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('语言').selectOption({ label: 'English' });
  await expect(sidebarHeading(page, 'Connections')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
