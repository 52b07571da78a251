import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionAnswer } from '@m2/shared';
import { keys } from '../../queries/keys';
import { ControlScreen } from './ControlScreen';

function renderScreen(running?: unknown[]) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(keys.session, { user: { username: 'ann', role: 'operator' }, csrfToken: 'x' } as unknown as SessionAnswer);
  if (running) qc.setQueryData(keys.running, running);
  render(<QueryClientProvider client={qc}><ControlScreen params={{ serverId: '1' }} /></QueryClientProvider>);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ControlScreen', () => {
  it('takes no command while the server list is still loading, and takes one once it is in', () => {
    // The list's request never answers here, so the screen stays in its loading state.
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    renderScreen();
    expect((screen.getByRole('textbox', { name: 'Control command' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const base = { uuid: 'u-1', name: 'main', pidFile: '/p', controlEndpoint: '', startedAt: null, uptimeSeconds: null, info: null };
    renderScreen([{ ...base, id: 1, running: true, pid: 7, problem: null }]);
    expect((screen.getByRole('textbox', { name: 'Control command' }) as HTMLInputElement).disabled).toBe(false);
  });
});
