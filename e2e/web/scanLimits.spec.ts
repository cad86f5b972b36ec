import { expect, test } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// A user-set cap stops the scan early, the UI says so plainly, and expanding a folder completes it.
const servers = hostAndRedisPerFile((pipeline) => {
  for (let i = 0; i < 2000; i++) pipeline.set(`alpha:${i}`, '1').set(`beta:${i}`, '1');
});

test('a capped scan is reported as partial and a folder expands to all its keys', async ({ page }) => {
  await page.goto(servers.host.url);
  await saveProfileAndConnect(page, 'Big', servers.redis.port);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 4,000 keys loaded/);

  await page.getByText('Scan limits').click();
  await page.getByLabel('Stop after (keys)').fill('500');
  await page.getByRole('button', { name: 'Apply and rescan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'limit' })).toContainText('Stopped at the limit of 500 keys');

  const tree = page.getByRole('tree', { name: 'Keys' });
  const alpha = tree.getByRole('treeitem', { name: 'alpha', exact: true });
  await alpha.click();
  await expect(alpha).toHaveAttribute('aria-expanded', 'true');
  // The scoped SCAN MATCH alpha:* completes the folder: its count reaches every key under it.
  await expect(alpha).toContainText('2,000');
});
