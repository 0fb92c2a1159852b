import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { getSession, onSessionChange } from './session';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      name
      nip
      email
      roles
      mfaEnabled
      rank
      unit {
        id
        name
        timezone
      }
      position {
        id
        title
      }
    }
    actingFor {
      id
      name
      position {
        id
        title
      }
    }
  }
`);

export type Me = MeQuery['me'];
export type ActingFor = MeQuery['actingFor'];

interface Auth {
  me: Me;
  actingFor: ActingFor;
  has(role: Me['roles'][number]): boolean;
  /** Loads the person again, e.g. when a Plh/Plt appointment arrives. */
  refresh(): void;
}

const Context = createContext<Auth | null>(null);

let cachedSession = getSession();
const subscribe = (listener: () => void) =>
  onSessionChange(() => {
    cachedSession = getSession();
    listener();
  });

/** Whether a session is stored, re-rendering when it changes (sign-in, refresh, sign-out). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, () => cachedSession !== null);
}

/** Loads the signed-in person once; renders `signedOut` while there is none. */
export function AuthProvider({ children, loading }: { children: ReactNode; loading: ReactNode }) {
  const [{ data, error }, reexecute] = useQuery({ query: MeDocument });
  const { setTimeZone } = useI18n();
  const zone = data?.me.unit?.timezone;
  useEffect(() => {
    if (zone) setTimeZone(zone);
  }, [zone, setTimeZone]);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const value = useMemo<Auth | null>(
    () => (data ? { me: data.me, actingFor: data.actingFor, has: (role) => data.me.roles.includes(role), refresh } : null),
    [data, refresh],
  );
  if (!value) return <>{error ? null : loading}</>;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(Context);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
