// Who is signed in, and what their role lets them do (the API enforces it; the console hides what would be
// refused and says why).
import { useQuery } from '@tanstack/react-query';
import { roleAllows, type Role, type SessionAnswer } from '@m2/shared';
import { sessionQuery } from '../queries/auth';

/** The signed-in session (the gate renders screens only once there is one). */
export function useSession(): SessionAnswer {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useSession outside the signed-in console');
  return data;
}

/** Whether the signed-in user's role includes `role`. */
export function useCan(role: Role): boolean {
  const { data } = useQuery(sessionQuery);
  return !!data && roleAllows(data.user.role, role);
}

/** Why a control is disabled for a role that may not use it. */
export function needsRole(role: Role): string {
  return `needs the ${role} role`;
}
