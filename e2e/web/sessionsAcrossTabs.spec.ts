import { expect, test } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// The web host serves one core to every browser tab: a tab opened later shows the sessions that
// are open at once (not only when one of them changes state), and a session closed in one tab
// leaves the others.
const env = hostAndRedisPerFile((p) => {
  p.set('greeting', 'hello');
});

test('a second browser tab shows the open sessions at once, and their closing', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(env.host.url);
  await saveProfileAndConnect(page, 'Shared cache', env.redis.port);
  const tabsOf = (p: typeof page) => p.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab');
  await expect(tabsOf(page)).toHaveCount(1);

  const second = await context.newPage();
  await second.setViewportSize({ width: 1280, height: 800 });
  await second.goto(env.host.url);
  await expect(tabsOf(second).filter({ hasText: 'Shared cache' })).toHaveCount(1);
  await second.screenshot({ path: 'test-results/screenshots/second-tab-sessions.png' });

  await page.getByRole('button', { name: 'Close Shared cache' }).click();
  await expect(tabsOf(page)).toHaveCount(0);
  await expect(tabsOf(second)).toHaveCount(0);
});
