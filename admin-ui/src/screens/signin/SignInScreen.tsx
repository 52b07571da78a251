// Sign-in: username and password; a refusal (wrong password, too many tries) is said in the form.
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../../queries/auth';
import { describeError } from '../../app/errors';
import { TextField, FormError } from '../../components/Field';
import { Button } from '../../components/Button';

/** The sign-in form. */
export function SignInScreen() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ username, password });
  };
  return (
    <main className="signin" id="main">
      <form className="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Mongrel2</h1>
        <p className="muted">The console of your Mongrel2 servers. <code>npm start</code> printed the first admin password.</p>
        <TextField label="Username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <FormError message={signIn.error ? describeError(signIn.error).title : null} />
        <Button type="submit" kind="primary" busy={signIn.isPending}>Sign in</Button>
      </form>
    </main>
  );
}
