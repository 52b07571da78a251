// Live connections: a long poll held by the handler shows up in the streamed table; killing it from the console
// ends the client's connection.
import { test, expect } from '../../fixtures/test';
import { LivePage } from '../../pages/LivePage';
import { longPoll } from '../../fixtures/http';

interface Conn { id: number; typeName: string }

test('a long-poll connection appears on Live connections, is killed, and the client sees the close', async ({ page, signIn }) => {
  await signIn('operator');
  const before = new Set<number>((await (await page.request.get('/api/servers/1/connections')).json() as { connections: Conn[] }).connections.map((c) => c.id));
  const poll = longPoll('/poll/wait');
  let ended = false;
  void poll.closed.then(() => { ended = true; });
  // The server gives the connection an id once it has talked to the handler; find ours among the new ones.
  let id = -1;
  await expect.poll(async () => {
    const now = (await (await page.request.get('/api/servers/1/connections')).json() as { connections: Conn[] }).connections;
    id = now.find((c) => c.id >= 0 && !before.has(c.id))?.id ?? -1;
    return id;
  }, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);

  const live = new LivePage(page);
  await live.open(1);
  await expect(live.table()).toBeVisible();
  await expect(live.killButton(id)).toBeVisible();
  expect(ended).toBe(false);
  await live.kill(id);
  await expect.poll(() => ended, { timeout: 10_000 }).toBe(true);
  await expect(live.killButton(id)).toHaveCount(0, { timeout: 10_000 });
});

test('the control console runs control-port commands with history, and refuses a viewer\'s reload', async ({ page, signIn }) => {
  await signIn('viewer');
  await page.goto('/control/1');
  const input = page.getByRole('textbox', { name: 'Control command' });
  const output = page.getByRole('log', { name: 'Control output' });
  await input.fill('uuid');
  await input.press('Enter');
  await expect(output).toContainText('e2e00000-0000-4000-8000-000000000001');
  await input.fill('status what=net');
  await input.press('Enter');
  await expect(output).toContainText('bytes_written');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('status what=net');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('uuid');
  await input.fill('reload');
  await input.press('Enter');
  await expect(output).toContainText('reload needs the operator role');
});
