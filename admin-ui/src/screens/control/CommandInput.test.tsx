import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommandInput } from './CommandInput';
import { ControlTerminal } from './ControlTerminal';

afterEach(cleanup);

describe('CommandInput', () => {
  it('runs a line on Enter and walks the history with the arrow keys', async () => {
    const onRun = vi.fn();
    render(<CommandInput history={['uuid', 'status what=net']} onRun={onRun} prompt="m2 [main]>" />);
    const input = screen.getByRole('textbox', { name: 'Control command' }) as HTMLInputElement;
    await userEvent.type(input, 'tim');
    await userEvent.keyboard('{ArrowUp}');
    expect(input.value).toBe('status what=net');
    await userEvent.keyboard('{ArrowUp}');
    expect(input.value).toBe('uuid');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.value).toBe('tim');
    await userEvent.type(input, 'e{Enter}');
    expect(onRun).toHaveBeenCalledWith('time');
    expect(input.value).toBe('');
  });
});

describe('ControlTerminal', () => {
  it('shows each command after its prompt and errors in red', () => {
    render(<ControlTerminal entries={[
      { id: 1, prompt: 'm2 [main]>', line: 'uuid', lines: [{ text: 'uuid: abc' }] },
      { id: 2, prompt: 'm2 [main]>', line: 'reload', lines: [{ text: 'reload needs the operator role', err: true }] },
    ]} />);
    const log = screen.getByRole('log', { name: 'Control output' });
    expect(log.textContent).toContain('m2 [main]> uuid');
    expect(log.textContent).toContain('uuid: abc');
    expect(screen.getByText('reload needs the operator role').className).toBe('err');
  });
});
