import { expect, test } from '@playwright/test';
import { startCluster, type RedisClusterHarness } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// A node of a real 3-master Redis Cluster opened as a standalone server (until Cluster support):
// the session says so plainly, and a key on another node is explained, never a raw MOVED.
let host: RunningWebHost;
let cluster: RedisClusterHarness;
const KEYS = 20;

test.beforeAll(async () => {
  [host, cluster] = await Promise.all([startWebHostProcess(), startCluster()]);
  const client = await cluster.client();
  try {
    for (let i = 0; i < KEYS; i++) await client.set(`user:${i}`, String(i));
  } finally {
    client.disconnect();
  }
});
test.afterAll(async () => {
  await Promise.all([host?.stop(), cluster?.stop()]);
});

test('a cluster node says it is one, and a key on another node names that node', async ({ page }) => {
  const opened = cluster.nodes[0]!;
  const local: string[] = [];
  let elsewhere: { key: string; slot: number; node: string } | undefined;
  for (let i = 0; i < KEYS; i++) {
    const owner = await cluster.nodeFor(`user:${i}`);
    if (owner === opened) local.push(`user:${i}`);
    else elsewhere ??= { key: `user:${i}`, slot: await cluster.slotOf(`user:${i}`), node: owner.address };
  }
  if (!elsewhere) throw new Error('every key landed on one node');
  const explained = `This key lives in slot ${elsewhere.slot} on node ${elsewhere.node}, another node of this cluster. Open that node, or wait for Cluster support.`;

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Cluster node');
  await page.getByLabel('Port', { exact: true }).fill(String(opened.port));
  // Test connection already says what this server is.
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('test-cluster-node')).toContainText('This server is one node of a Redis Cluster.');
  await page.screenshot({ path: 'test-results/screenshots/cluster-node-test.png' });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Connect to Cluster node' }).click();

  // The session screen: only this node's keys, said plainly.
  const banner = page.getByTestId('cluster-node-banner');
  await expect(banner).toContainText('This server is one node of a Redis Cluster.');
  await expect(banner).toContainText('Only the keys in this node’s slots are shown');
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(
    `All ${local.length} keys loaded`,
  );

  // An exact lookup of a key on another node: the node that holds it, not "MOVED …".
  await page.getByLabel('Find keys').fill(elsewhere.key);
  await page.getByLabel('Find keys').press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'This key lives in slot' });
  await expect(alert).toHaveText(explained);
  await expect(page.getByText(/MOVED \d+/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/cluster-node-session.png' });

  // Creating that key here is refused with the same words, and nothing is written anywhere.
  await page.getByRole('button', { name: '+ New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByLabel('Name', { exact: true }).fill(elsewhere.key);
  await dialog.getByLabel('Only if it exists (XX)').check();
  await dialog.getByLabel('Value', { exact: true }).fill('overwritten?');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`slot ${elsewhere.slot} on node ${elsewhere.node}`);
  await page.screenshot({ path: 'test-results/screenshots/cluster-node-new-key.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Comparing two of this node's keys (in different slots): refused in words, not CROSSSLOT.
  const tree = page.getByRole('tree', { name: 'Keys' });
  await page.getByLabel('Find keys').fill('');
  await page.getByLabel('Find keys').press('Enter');
  await tree.getByRole('treeitem', { name: 'user', exact: true }).click();
  const [a = '', b = ''] = local.map((key) => key.slice('user:'.length));
  await tree.getByRole('treeitem', { name: a, exact: true }).click();
  await tree.getByRole('treeitem', { name: b, exact: true }).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Compare 2 values' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare 2 keys' });
  await expect(compare.getByRole('alert')).toContainText('These keys are in different slots of this cluster');
  await expect(page.getByText(/CROSSSLOT/)).toHaveCount(0);
  const client = await cluster.client();
  try {
    expect(await client.get(elsewhere.key)).toBe(elsewhere.key.slice('user:'.length));
  } finally {
    client.disconnect();
  }
});
