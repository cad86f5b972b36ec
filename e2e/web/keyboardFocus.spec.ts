import { expect, test, type Page } from '@playwright/test';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Keyboard only (after the saved profiles exist): the profile ⋯ menu is a menu button, a closed
// dialog gives the focus back to what opened it, and Ctrl+N follows the focused area.
let host: RunningWebHost;
let redis: StandaloneServer;

test.beforeAll(async () => {
  [host, redis] = await Promise.all([startWebHostProcess(), startStandalone()]);
  const admin = await redis.node.client();
  await admin.mset('kb:a', 'A', 'kb:b', 'B');
  admin.disconnect();
});
test.afterAll(async () => {
  await Promise.all([host?.stop(), redis?.stop()]);
});

async function saveProfile(page: Page, name: string) {
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Port', { exact: true }).fill(String(redis.port));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `Connect to ${name}` })).toBeVisible();
}

/** Presses Tab until `target` has the focus (at most `max` times): how a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the profile ⋯ menu works from the keyboard; one menu at a time', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await saveProfile(page, 'Alpha');
  await saveProfile(page, 'Beta');
  const alphaButton = page.getByRole('button', { name: 'Actions for Alpha' });
  const betaButton = page.getByRole('button', { name: 'Actions for Beta' });
  const alphaMenu = page.getByRole('menu', { name: 'Actions for Alpha' });
  const betaMenu = page.getByRole('menu', { name: 'Actions for Beta' });
  await expect(alphaButton).toHaveAttribute('aria-haspopup', 'menu');
  await expect(alphaButton).toHaveAttribute('aria-expanded', 'false');

  // Enter opens on the first item; arrows move; Escape closes and the button has the focus again.
  await page.locator('body').focus();
  await tabTo(page, alphaButton);
  await page.keyboard.press('Enter');
  await expect(alphaMenu).toBeVisible();
  await expect(alphaButton).toHaveAttribute('aria-expanded', 'true');
  await expect(alphaMenu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(alphaMenu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(alphaMenu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/profile-menu-keyboard.png' });
  await page.keyboard.press('Escape');
  await expect(alphaMenu).toHaveCount(0);
  await expect(alphaButton).toBeFocused();
  await expect(alphaButton).toHaveAttribute('aria-expanded', 'false');

  // Space and ArrowDown open it too; Tab closes it.
  await page.keyboard.press(' ');
  await expect(alphaMenu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(alphaMenu).toHaveCount(0);
  await alphaButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(alphaMenu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();

  // Only one menu at a time: opening Alpha's (by mouse) while Beta's is open closes Beta's; a
  // second click on Alpha's button closes it.
  await page.keyboard.press('Escape');
  await tabTo(page, betaButton);
  await page.keyboard.press('Enter');
  await expect(betaMenu).toBeVisible();
  await alphaButton.click();
  await expect(alphaMenu).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(1);
  await alphaButton.click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await betaButton.focus();
  await page.keyboard.press('ArrowUp');
  await expect(betaMenu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(betaButton).toBeFocused();

  // Choosing an item: Delete… asks; Cancel gives the focus back to the ⋯ button.
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(betaMenu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Delete connection?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(betaButton).toBeFocused();
  await expect(page.getByRole('button', { name: 'Connect to Beta' })).toBeVisible();

  // A first letter moves to the next item with it; Edit opens the form.
  await page.keyboard.press('Enter');
  await page.keyboard.press('e');
  await expect(betaMenu.getByRole('menuitem', { name: 'Export…' })).toBeFocused();
  await page.keyboard.press('e');
  await expect(betaMenu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Beta');
});

test('a closed dialog gives the focus back; Ctrl+N follows the focused area', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await saveProfile(page, 'Focus');

  // On the home screen Ctrl+N is New connection.
  await page.getByRole('button', { name: 'Redlens home' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+n');
  await expect(page.getByRole('heading', { name: 'New connection' })).toBeVisible();

  // Open the session from the keyboard.
  // The sidebar's entry (its name gains the session state once open).
  const connect = page.getByRole('button', { name: /^Focus(, |$)/ });
  await connect.focus();
  await page.keyboard.press('Enter');
  const tree = page.getByRole('tree', { name: 'Keys' });
  await expect(tree.getByRole('treeitem', { name: 'kb', exact: true })).toBeVisible();
  const newKey = page.getByRole('dialog', { name: 'New key' });

  // "+ New key" by keyboard; Cancel (Enter on it) lands on the button, in the session.
  const newKeyButton = page.getByRole('button', { name: '+ New key' });
  await tabTo(page, newKeyButton);
  await page.keyboard.press('Enter');
  await expect(newKey).toBeVisible();
  await newKey.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(newKey).toHaveCount(0);
  await expect(newKeyButton).toBeFocused();
  // Ctrl+N there is New key again, not New connection.
  await page.keyboard.press('ControlOrMeta+n');
  await expect(newKey).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(newKey).toHaveCount(0);
  await expect(newKeyButton).toBeFocused();

  // From the tree: Ctrl+N, Escape, back on the tree; Ctrl+N again is New key.
  await tree.focus();
  await page.keyboard.press('ControlOrMeta+n');
  await expect(newKey).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(newKey).toHaveCount(0);
  await expect(tree).toBeFocused();
  await page.keyboard.press('ControlOrMeta+n');
  await expect(newKey).toBeVisible();
  await newKey.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(tree).toBeFocused();

  // Elsewhere in the session (its Server info tab) Ctrl+N is New key too, in the Keys view.
  const infoTab = page.getByRole('tab', { name: 'Server info' });
  await infoTab.focus();
  await page.keyboard.press('Enter');
  await expect(tree).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+n');
  await expect(newKey).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New connection' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(newKey).toHaveCount(0);
  await expect(infoTab).toBeFocused();
  await expect(tree).toBeVisible();

  // In the connections list Ctrl+N is New connection, even with a session open.
  await connect.focus();
  await page.keyboard.press('ControlOrMeta+n');
  await expect(page.getByRole('heading', { name: 'New connection' })).toBeVisible();
});
