import { expect, test, type Page } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';
import { editorArea, keyRegion, openKey, replaceText } from '../support/valueEditorFlow';

// Unsaved edits are never thrown away by a click (issue #12): closing a session's tab, switching
// its database, closing or reloading the page all ask first, naming the edits (escaped like
// everywhere else). Cancel keeps them; Discard goes on. The server is checked with another client.
const bed = hostAndRedisPerFile((p) =>
  p
    .set('note:a', 'first')
    .set('note:b', 'second')
    .set(Buffer.from('caf\xe9', 'latin1'), 'binary name')
    .select(1)
    .set('other', 'db1 key'),
);

const tree = (page: Page) => page.getByRole('tree', { name: 'Keys' });

async function connected(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bed.host.url);
  await saveProfileAndConnect(page, name, bed.redis.port);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText('All 3 keys loaded');
}

/** Opens `name` and types `text` over its value, without saving. */
async function edit(page: Page, name: string, text: string): Promise<void> {
  await openKey(page, name);
  await replaceText(page, editorArea(keyRegion(page)), text);
  await expect(keyRegion(page).getByRole('button', { name: 'Save' })).toBeEnabled();
}

test('closing a tab with unsaved edits asks, listing them; Cancel keeps them, Discard closes', async ({ page }) => {
  await connected(page, 'Edits');
  // One edit kept as a draft (another key was opened since), one in the open editor, and one
  // of a key whose name is not UTF-8 (opened from the tree).
  await edit(page, 'note:a', 'first, edited');
  await tree(page).getByRole('treeitem', { name: 'caf\\xe9', exact: true }).click();
  await replaceText(page, editorArea(keyRegion(page)), 'edited too');
  await edit(page, 'note:b', 'second, edited');

  await page.getByRole('button', { name: 'Close Edits' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close Edits?' });
  await expect(dialog.getByRole('list', { name: 'Unsaved edits' }).getByRole('listitem')).toHaveText([
    'caf\\xe9',
    'note:a',
    'note:b',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/unsaved-close-tab.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Edits/ })).toBeVisible();
  await expect(editorArea(keyRegion(page))).toHaveText('second, edited');

  await page.getByRole('button', { name: 'Close Edits' }).click();
  await dialog.getByRole('button', { name: 'Discard and close' }).click();
  await expect(page.getByRole('tab', { name: /Edits/ })).toHaveCount(0);
  const admin = await bed.redis.node.client();
  try {
    expect(await admin.mget('note:a', 'note:b')).toEqual(['first', 'second']);
  } finally {
    admin.disconnect();
  }

  // Opened again, the keys show the server's values: the edits were discarded, not kept.
  await page.getByRole('button', { name: 'Connect to Edits' }).click();
  await openKey(page, 'note:a');
  await expect(editorArea(keyRegion(page))).toHaveText('first');
  await expect(keyRegion(page).getByText('Your unsaved edit was restored.')).toHaveCount(0);
});

test('a tab without unsaved edits closes at once', async ({ page }) => {
  await connected(page, 'Clean');
  await openKey(page, 'note:a');
  await page.getByRole('button', { name: 'Close Clean' }).click();
  await expect(page.getByRole('tab', { name: /Clean/ })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('switching the database with unsaved edits in this one asks first', async ({ page }) => {
  await connected(page, 'Switch');
  await edit(page, 'note:a', 'edited in db0');
  const db = page.getByLabel('Database');

  await db.selectOption('1');
  const dialog = page.getByRole('dialog', { name: 'Switch to db1?' });
  await expect(dialog.getByRole('list', { name: 'Unsaved edits' }).getByRole('listitem')).toHaveText(['note:a']);
  await page.screenshot({ path: 'test-results/screenshots/unsaved-switch-db.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(db).toHaveValue('0');
  await expect(editorArea(keyRegion(page))).toHaveText('edited in db0');

  await db.selectOption('1');
  await dialog.getByRole('button', { name: 'Discard and switch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'key is loaded' })).toHaveText('The only key is loaded');
  await expect(tree(page).getByRole('treeitem', { name: 'other', exact: true })).toBeVisible();
  // With nothing unsaved, switching back does not ask; the edit is gone.
  await db.selectOption('0');
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText('All 3 keys loaded');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await openKey(page, 'note:a');
  await expect(editorArea(keyRegion(page))).toHaveText('first');
});

test('closing or reloading the page with unsaved edits asks (beforeunload)', async ({ page }) => {
  await connected(page, 'Unload');
  await edit(page, 'note:b', 'not saved yet');
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  // Dismissed: the page stays, with the edit.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await expect(editorArea(keyRegion(page))).toHaveText('not saved yet');

  // Discarded in the editor: nothing is unsaved, the page closes without asking.
  await keyRegion(page).getByRole('button', { name: 'Discard' }).click();
  await expect(editorArea(keyRegion(page))).toHaveText('second');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});
