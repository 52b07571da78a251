// The session, users and API tokens.
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionAnswer } from '@m2/shared';
import { api } from '../app/api';
import { isSignedOut } from '../app/errors';
import { keys } from './keys';

/** Who is signed in (null: nobody). */
export const sessionQuery = queryOptions({
  queryKey: keys.session,
  queryFn: async (): Promise<SessionAnswer | null> => {
    try {
      return await api.session.current();
    } catch (e) {
      if (isSignedOut(e)) return null;
      throw e;
    }
  },
  staleTime: Infinity,
});

// Another user's answers must not linger; the session query stays (its observers would not see a new one).
function forgetAllButSession(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
}

/** Signs in; the form shows a refusal itself. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { username: string; password: string }) => api.session.signIn(v.username, v.password),
    onSuccess: (s) => { qc.setQueryData(keys.session, s); forgetAllButSession(qc); },
    meta: { quiet: true },
  });
}

/** Signs out and forgets every cached answer. */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.session.signOut(),
    onSettled: () => { qc.setQueryData(keys.session, null); forgetAllButSession(qc); },
  });
}

/** Changes one's own password. */
export function useChangePassword() {
  return useMutation({ mutationFn: (v: { current: string; password: string }) => api.session.changePassword(v.current, v.password), meta: { quiet: true } });
}

/** The console's users (admin). */
export const usersQuery = queryOptions({ queryKey: keys.users, queryFn: async () => (await api.users.list()).users });

/** API tokens (one's own; an admin sees all). */
export const tokensQuery = queryOptions({ queryKey: keys.tokens, queryFn: async () => (await api.tokens.list()).tokens });

/** Creates, updates or deletes a user. */
export function useUserMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: keys.users });
  return {
    create: useMutation({ mutationFn: (v: { username: string; password: string; role: string }) => api.users.create(v), onSuccess: done, meta: { quiet: true } }),
    update: useMutation({ mutationFn: (v: { username: string; role?: string; password?: string }) => api.users.update(v.username, { role: v.role, password: v.password }), onSuccess: done }),
    /** A password reset from its dialog, which shows the refusal itself. */
    reset: useMutation({ mutationFn: (v: { username: string; password: string }) => api.users.update(v.username, { password: v.password }), onSuccess: done, meta: { quiet: true } }),
    remove: useMutation({ mutationFn: (username: string) => api.users.remove(username), onSuccess: done }),
  };
}

/** Creates or revokes an API token. */
export function useTokenMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: keys.tokens });
  return {
    create: useMutation({ mutationFn: (v: { name: string; role?: string; expiresInDays?: number }) => api.tokens.create(v), onSuccess: done, meta: { quiet: true } }),
    revoke: useMutation({ mutationFn: (id: number) => api.tokens.revoke(id), onSuccess: done }),
  };
}
