import { expect, test, type Page } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// The language is switched in Settings, takes effect at once (no reload: the open session and
// the page stay), and is remembered. Screens are translated folder by folder (issue 14); this
// checks the ones done so far: the sidebar, the session status, the key browser's scan bar and
// Settings.
const bed = hostAndRedisPerFile();
const sidebarHeading = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Redlens' }).getByRole('heading', { name });

test('switching to Simplified Chinese and back, at once and remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const admin = await bed.redis.node.client();
  await admin.mset('lang:a', '1', 'lang:b', '2', 'lang:c', '3');
  admin.disconnect();
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

  await page.getByRole('tablist', { name: '已打开的会话' }).getByRole('tab', { name: /Lang/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `已连接到 ${address}` })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
  // The key browser's search and scan line: Chinese word order, numbers as Intl writes them.
  await expect(page.getByRole('status').filter({ hasText: '已加载全部 3 个键' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: '会话视图' }).getByRole('tab')).toHaveText(['键', '服务器信息']);
  await expect(page.getByLabel('数据库').locator('option:checked')).toHaveText('db0（3 个键）');
  await page.getByLabel('查找键').fill('nope');
  await page.getByLabel('查找键').press('Enter');
  await expect(page.getByText('此数据库中没有名为“nope”的键。')).toBeVisible();
  await expect(page.getByRole('button', { name: '重新扫描' })).toBeVisible();
  // The tree's context menu, and the selection bar.
  const folder = page.getByRole('tree').getByRole('treeitem', { name: 'lang', exact: true });
  await folder.click({ button: 'right' });
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText([/^展开/, /^复制前缀/, /^删除文件夹…/]);
  await page.getByRole('menuitem', { name: /^删除文件夹…/ }).click();
  const ask = page.getByRole('dialog', { name: '删除文件夹？' });
  await expect(ask.getByRole('button', { name: '删除 3 个键' })).toBeVisible();
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toHaveCount(0);
  await folder.click();
  await page.keyboard.press('ArrowRight');
  // Its keys on screen first, as a user sees them, before moving into them.
  await expect(page.getByRole('tree').getByRole('treeitem', { name: 'c', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('group', { name: '已选择' }).getByRole('status')).toHaveText('已选择 2 个键');
  await page.screenshot({ path: 'test-results/screenshots/session-zh-CN.png' });

  // Remembered: a reload speaks Chinese from the first render; the home screen too.
  await page.reload();
  await expect(sidebarHeading(page, '连接')).toBeVisible();
  await expect(page.getByRole('heading', { name: '连接', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '连接到 Lang' })).toBeVisible();
  await expect(page.getByRole('list', { name: '已保存的连接' })).toContainText('单机');
  await page.screenshot({ path: 'test-results/screenshots/home-zh-CN.png' });

  // Quick connect: labels and a field's error in Chinese; the server's facts as Redis says them.
  await page.getByRole('button', { name: '快速连接' }).click();
  await expect(page.getByRole('heading', { name: '快速连接', level: 1 })).toBeVisible();
  await page.getByLabel('端口').fill('70000');
  await page.getByLabel('主机').focus();
  await expect(page.getByText('端口必须是 1 到 65535 之间的整数。')).toBeVisible();
  await page.getByLabel('端口').fill(String(bed.redis.port));
  await page.getByRole('button', { name: '连接', exact: true }).click();
  await expect(page.getByRole('heading', { name: `已连接到 ${address}` })).toBeVisible();
  await expect(page.getByTestId('server-role')).toHaveText('master');
  await page.screenshot({ path: 'test-results/screenshots/quick-connect-zh-CN.png' });
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('语言').selectOption({ label: 'English' });
  await expect(sidebarHeading(page, 'Connections')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the language is kept by core: a fresh browser profile speaks it, and an open window follows a change', async ({
  browser,
}) => {
  const first = await browser.newPage();
  await first.goto(bed.host.url);
  await first.getByRole('button', { name: 'Settings' }).click();
  await first.getByLabel('Language').selectOption({ label: '简体中文' });
  await expect(sidebarHeading(first, '连接')).toBeVisible();

  // Another browser profile (nothing in its localStorage) gets the language from core.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(bed.host.url);
    await expect(sidebarHeading(second, '连接')).toBeVisible();
    // A change in one window reaches the other at once.
    await first.getByLabel('语言').selectOption({ label: 'English' });
    await expect(sidebarHeading(first, 'Connections')).toBeVisible();
    await expect(sidebarHeading(second, 'Connections')).toBeVisible();
    await expect(second.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await other.close();
    await first.close();
  }
});
