import { expect, test } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// The key tree and the value editor share the width through a splitter: opening a key never
// moves the tree, the splitter works with the keyboard and the mouse, and the width is kept.
const servers = hostAndRedisPerFile((pipeline) => {
  pipeline.set('greeting', 'hello').hset('profile', 'name', 'Ada');
});

test('the splitter resizes the tree by keyboard and mouse, and the width is kept', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.goto(servers.host.url);
  await saveProfileAndConnect(page, 'Layout', servers.redis.port);
  const tree = page.getByRole('tree', { name: 'Keys' });
  const width = async () => (await tree.boundingBox())!.width;
  await expect(tree.getByRole('treeitem', { name: 'greeting', exact: true })).toBeVisible();
  const before = await width();

  // Opening a key (and another type of key) leaves the tree where it was.
  await tree.getByRole('treeitem', { name: 'profile', exact: true }).click();
  await expect(page.getByRole('grid', { name: /fields/i })).toBeVisible();
  expect(await width()).toBe(before);

  const splitter = page.getByRole('separator', { name: 'Resize the key tree' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '40');
  await splitter.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '50');
  expect(await width()).toBeGreaterThan(before + 100);
  await page.keyboard.press('Home');
  await expect(splitter).toHaveAttribute('aria-valuenow', '20');

  // Dragged to 60% of the browser's width.
  const box = (await splitter.boundingBox())!;
  const area = (await page.locator('.key-browser').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.6, box.y + 100, { steps: 4 });
  await page.mouse.up();
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');
  const dragged = await width();

  // Kept after a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Connect to Layout' }).click();
  await expect(tree.getByRole('treeitem', { name: 'greeting', exact: true })).toBeVisible();
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');
  expect(await width()).toBe(dragged);
});
