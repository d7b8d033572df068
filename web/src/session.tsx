/**
 * Who is signed in: the principal of the browser's session cookie (GET /v1/sessions/current), asked once when
 * the app starts and again after signing in or out. The key itself never stays in the page: signing in
 * exchanges it for the HttpOnly cookie (POST /v1/sessions).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { closeSession, currentPrincipal, fetchEntity, openSession, type Name, type Principal } from './api.js';

export interface Session {
  /** Undefined until the first answer. */
  principal: Principal | undefined;
  /** The signed-in entity's names, for the header. */
  entityNames: Name[];
  signIn(key: string): Promise<Principal>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const ANONYMOUS: Principal = { role: 'anonymous' };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | undefined>(undefined);
  const [entityNames, setEntityNames] = useState<Name[]>([]);

  useEffect(() => {
    currentPrincipal().then(setPrincipal, () => setPrincipal(ANONYMOUS));
  }, []);

  useEffect(() => {
    setEntityNames([]);
    if (principal?.entityId === undefined) return;
    fetchEntity(principal.entityId).then(
      (entity) => setEntityNames(entity.names),
      () => setEntityNames([]),
    );
  }, [principal?.entityId]);

  const signIn = useCallback(async (key: string) => {
    const signedIn = await openSession(key);
    setPrincipal(signedIn);
    return signedIn;
  }, []);

  const signOut = useCallback(async () => {
    await closeSession();
    setPrincipal(ANONYMOUS);
  }, []);

  const value = useMemo<Session>(() => ({ principal, entityNames, signIn, signOut }), [principal, entityNames, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}
