// The console: query client and toasts, then the session gate (signed out → the sign-in screen at /signin, which
// returns to where the operator was going), then the layout and the screen the URL names.
import { useEffect, useState } from 'react';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../queries/auth';
import { SignInScreen } from '../screens/signin/SignInScreen';
import { QueryState } from '../components/bits';
import { buildQueryClient } from './query-client';
import { Layout } from './Layout';
import { matchPath, navigate, useLocation } from './router';
import { SCREENS } from './screens';
import { ToastProvider, useToast } from './toasts';

function Screens() {
  const { path } = useLocation();
  for (const s of SCREENS) {
    const params = matchPath(s.path, path);
    if (params) {
      document.title = `${s.title} · Mongrel2`;
      const Screen = s.component;
      return <Screen key={s.path} params={params} />;
    }
  }
  document.title = 'Not found · Mongrel2';
  return <div className="page-head"><h1>No such screen</h1><p>The console has nothing at {path}.</p></div>;
}

function Gate() {
  const session = useQuery(sessionQuery);
  const { path, query } = useLocation();
  const signedIn = !!session.data;
  useEffect(() => {
    if (session.isPending || session.isError) return;
    if (!signedIn && path !== '/signin') navigate(`/signin?next=${encodeURIComponent(path + window.location.search)}`, true);
    if (signedIn && path === '/signin') {
      const next = query.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    }
  }, [signedIn, session.isPending, session.isError, path, query]);
  if (session.isPending || session.isError) return <QueryState loading={session.isPending} error={session.error} />;
  if (!signedIn) return <SignInScreen />;
  if (path === '/signin') return null;
  return <Layout><Screens /></Layout>;
}

function WithClient() {
  const toast = useToast();
  const [client] = useState(() => buildQueryClient(toast));
  return <QueryClientProvider client={client}><Gate /></QueryClientProvider>;
}

/** The whole console. */
export function App() {
  return <ToastProvider><WithClient /></ToastProvider>;
}
