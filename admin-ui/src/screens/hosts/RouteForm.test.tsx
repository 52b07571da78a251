import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClientError } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { RouteForm } from './RouteForm';
import type { TargetLists } from './route-form-model';

const dir = (id: number, base: string): Rec<'dirs'> => ({ id, base, indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0, version: `v${id}`.padEnd(16, '0') });
const targets: TargetLists = {
  dir: [dir(3, './public/'), dir(4, './docs/')],
  handler: [{ id: 2, sendSpec: 'tcp://127.0.0.1:9997', sendIdent: 'app', recvSpec: 'tcp://127.0.0.1:9996', recvIdent: '', protocol: 'json', rawPayload: 0, version: 'h'.repeat(16) }],
  proxy: [],
};
const route = (id: number, path: string, targetId: number): Rec<'routes'> => ({ id, hostId: 1, path, reversed: 0, target: { kind: 'dir', id: targetId }, version: `r${id}`.padEnd(16, '0') });
const routes = [route(10, '/static/', 3), route(11, '/files/', 3)];

/** The text of the error shown for the control labelled `label` (its aria-describedby), or null. */
function errorUnder(label: string): string | null {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby');
  const el = id ? document.getElementById(id) : null;
  return el?.classList.contains('field-error') ? el.textContent : null;
}

function renderForm(props: Partial<Parameters<typeof RouteForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const onReload = vi.fn();
  render(<RouteForm hostId={1} targets={targets} routes={routes} onSubmit={onSubmit} onCancel={() => {}} onReload={onReload} {...props} />);
  return { onSubmit, onReload };
}

afterEach(cleanup);

describe('RouteForm', () => {
  it("shows the API's target.create.base error under Base", () => {
    const error = new ApiClientError(400, {
      code: 'M2_ERR_API_VALIDATION', message: 'the route is invalid',
      fields: [{ path: 'target.create.base', message: "End directory base with / in './public' or it won't work right", code: 'M2_ERR_MODEL_DIR_BASE' }],
    });
    renderForm({ routeError: error });
    expect(errorUnder('Base')).toBe("End directory base with / in './public' or it won't work right");
    expect(errorUnder('Path')).toBeNull();
    expect(screen.queryByText('the route is invalid')).toBeNull();
  });

  it('refuses an empty path client-side with the shared schema and does not submit', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByLabelText('Base'), './public/');
    await userEvent.click(screen.getByRole('button', { name: 'Create route' }));
    expect(errorUnder('Path')).toBe('path must not be empty');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("checks a new target's fields client-side too, under their own labels", async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByLabelText('Path'), '/static/');
    await userEvent.type(screen.getByLabelText('Base'), './public');
    await userEvent.click(screen.getByRole('button', { name: 'Create route' }));
    expect(errorUnder('Base')).toBe("End directory base with / in './public' or it won't work right");
    expect(errorUnder('Path')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the fields of the kind picked', async () => {
    renderForm();
    expect(screen.getByLabelText('Base')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Target kind'), 'Handler');
    expect(screen.queryByLabelText('Base')).toBeNull();
    for (const l of ['Send spec', 'Send ident', 'Recv spec', 'Recv ident', 'Protocol', 'Raw payload']) expect(screen.getByLabelText(l)).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Target kind'), 'Proxy');
    expect(screen.getByLabelText('Address')).toBeTruthy();
    expect(screen.getByLabelText('Port')).toBeTruthy();
    expect(screen.queryByLabelText('Send spec')).toBeNull();
  });

  it('creates a route with a new dir, with its defaults', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByLabelText('Path'), '/static/');
    await userEvent.type(screen.getByLabelText('Base'), './public/');
    await userEvent.type(screen.getByLabelText('Why'), 'serve files');
    await userEvent.click(screen.getByRole('button', { name: 'Create route' }));
    expect(onSubmit).toHaveBeenCalledWith({
      body: { hostId: 1, path: '/static/', reversed: 0, target: { kind: 'dir', create: { base: './public/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0 } } },
      why: 'serve files',
    });
  });

  it('reuses an existing target by id, listed as "dir 3: ./public/"', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByLabelText('Path'), '/more/');
    await userEvent.selectOptions(screen.getByLabelText('Target'), 'dir 4: ./docs/');
    expect((screen.getByLabelText('Base') as HTMLInputElement).value).toBe('./docs/');
    await userEvent.click(screen.getByRole('button', { name: 'Create route' }));
    expect(onSubmit.mock.calls[0]![0]).toEqual({ body: { hostId: 1, path: '/more/', reversed: 0, target: { kind: 'dir', id: 4 } }, why: '' });
  });

  it('edits a shared target with its own PUT and says how many routes use it', async () => {
    const { onSubmit } = renderForm({ route: routes[0] });
    expect(screen.getByText(/dir 3 is used by 2 routes/)).toBeTruthy();
    const base = screen.getByLabelText('Base');
    await userEvent.clear(base);
    await userEvent.type(base, './www/');
    await userEvent.click(screen.getByRole('button', { name: 'Save route' }));
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      body: { path: '/static/', target: { kind: 'dir', id: 3 } },
      targetEdit: { kind: 'dir', id: 3, version: targets.dir[0]!.version, body: { base: './www/', indexFile: 'index.html', defaultCtype: 'text/plain', cacheTtl: 0 } },
    });
  });

  it('does not PUT an existing target whose fields did not change', async () => {
    const { onSubmit } = renderForm({ route: routes[0] });
    await userEvent.click(screen.getByRole('button', { name: 'Save route' }));
    expect(onSubmit.mock.calls[0]![0].targetEdit).toBeUndefined();
  });

  it("maps the target PUT's own field errors onto the target's fields", () => {
    const error = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'the dir is invalid', fields: [{ path: 'indexFile', message: "indexFile must be a file name without '/'", code: 'M2_ERR_MODEL_INDEX_FILE' }] });
    renderForm({ route: routes[0], targetError: error });
    expect(errorUnder('Index file')).toBe("indexFile must be a file name without '/'");
  });

  it('puts an error naming no shown field in the form error, and a stale write asks to reload', async () => {
    const missing = new ApiClientError(400, { code: 'M2_ERR_API_VALIDATION', message: 'there is no host 1', fields: [{ path: 'hostId', message: 'there is no host 1', code: 'M2_ERR_API_NOT_FOUND' }] });
    const { onReload } = renderForm({ routeError: missing });
    expect(screen.getByRole('alert').textContent).toBe('hostId: there is no host 1');
    cleanup();
    const stale = new ApiClientError(409, { code: 'M2_ERR_API_STALE', message: 'route 10 was changed by someone else' });
    const again = renderForm({ route: routes[0], routeError: stale });
    expect(screen.getByRole('alert').textContent).toContain('Changed by someone else since you opened it');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(again.onReload).toHaveBeenCalledOnce();
    expect(onReload).not.toHaveBeenCalled();
  });
});
