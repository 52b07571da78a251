// A new API token, shown this once (the console keeps only its hash): a read-only field to select, a Copy button
// and a plain warning that it will not be shown again. Presentational.
import { useState } from 'react';
import type { TokenCreatedAnswer } from '@m2/shared';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';

/** Puts `text` on the clipboard (the async Clipboard API where the page may use it). */
async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('this browser gives the page no clipboard; select the token and copy it');
  await navigator.clipboard.writeText(text);
}

/** The created token and how to keep it. */
export function TokenCreatedPanel({ token, onDone }: { token: TokenCreatedAnswer; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () => copyText(token.token).then(() => setCopied('Copied.'), (e: unknown) => setCopied(e instanceof Error ? e.message : String(e)));
  return (
    <div className="token-created">
      <p className="token-warning" role="note">
        <strong>Copy this token now: it will not be shown again.</strong> It acts as {token.user} with the {token.role} role
        {token.expiresAt ? ` until ${new Date(token.expiresAt).toLocaleString()}` : ', with no expiry'}.
      </p>
      <TextField label="New token" readOnly value={token.token} className="mono" onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      <div className="actions">
        <span aria-live="polite" className="muted">{copied}</span>
        <Button onClick={() => void copy()}>Copy</Button>
        <Button kind="primary" onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
