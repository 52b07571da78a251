// The main workflow, once per target kind: build a host and a route in the console, apply it, and a real request
// through our mongrel2 reaches the Dir's file, the handler or the upstream.
import { test, expect } from '../../fixtures/test';
import { HostsPage } from '../../pages/HostsPage';
import { ApplyPage } from '../../pages/ApplyPage';
import { get } from '../../fixtures/http';
import { HANDLER_SPECS } from '../../fixtures/ports';

test('create a host and a Dir route, apply, and GET through the server returns the file', async ({ page, signIn }) => {
  await signIn('operator');
  const hosts = new HostsPage(page);
  await hosts.open();
  await hosts.createHost('files.e2e.test', 'e2e: a host for static files');
  await hosts.addRoute('/files/', { kind: 'Dir', base: 'static/', indexFile: 'index.html' }, 'e2e: serve the static tree');
  await expect(hosts.routes().getByRole('row', { name: /\/files\// })).toContainText('static/');
  expect((await get('/files/hello.txt', 'files.e2e.test')).status).toBe(404);

  const apply = new ApplyPage(page);
  await apply.open();
  const result = await apply.apply('e2e: publish the files host');
  await expect(result.getByRole('heading', { name: 'Applied' })).toBeVisible();
  const res = await get('/files/hello.txt', 'files.e2e.test');
  expect(res.status).toBe(200);
  expect(res.body).toBe('hello from the e2e Dir route\n');
});

test('add a Handler route, apply, and a request gets the handler\'s answer', async ({ page, signIn }) => {
  await signIn('operator');
  const hosts = new HostsPage(page);
  await hosts.openHost('localhost');
  await hosts.addRoute('/app/', { kind: 'Handler', sendSpec: HANDLER_SPECS.app.send, sendIdent: '7d0c9a66-2c5e-4a4f-9d1e-e2e000000002', recvSpec: HANDLER_SPECS.app.recv }, 'e2e: the app handler');
  await expect(hosts.routes().getByRole('row', { name: /\/app\// })).toContainText(HANDLER_SPECS.app.send);
  const apply = new ApplyPage(page);
  await apply.open();
  const result = await apply.apply('e2e: route /app/ to the handler');
  await expect(result.getByRole('heading', { name: 'Applied' })).toBeVisible();
  await expect.poll(async () => (await get('/app/hello')).body, { timeout: 10_000 }).toBe('handler app saw /app/hello\n');
});

test('add a Proxy route, apply, and the request reaches the upstream', async ({ page, signIn }) => {
  await signIn('operator');
  const hosts = new HostsPage(page);
  await hosts.openHost('localhost');
  await hosts.addRoute('/up/', { kind: 'Proxy', addr: '127.0.0.1', port: 16790 }, 'e2e: proxy to the upstream');
  const apply = new ApplyPage(page);
  await apply.open();
  const result = await apply.apply('e2e: route /up/ to the upstream');
  await expect(result.getByRole('heading', { name: 'Applied' })).toBeVisible();
  const res = await get('/up/some/thing?x=1');
  expect(res.status).toBe(200);
  expect(res.body).toBe('upstream saw GET /up/some/thing?x=1\n');
});
