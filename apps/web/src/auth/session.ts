// The signed-in session: the access token lives for this tab, the refresh token survives a reload.

export interface Session {
  accessToken: string;
  refreshToken: string | null;
}

const ACCESS = 'gesit.accessToken';
const REFRESH = 'gesit.refreshToken';
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  const accessToken = sessionStorage.getItem(ACCESS);
  const refreshToken = localStorage.getItem(REFRESH);
  if (!accessToken && !refreshToken) return null;
  return { accessToken: accessToken ?? '', refreshToken };
}

export function setSession(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(ACCESS, session.accessToken);
    if (session.refreshToken) localStorage.setItem(REFRESH, session.refreshToken);
    else localStorage.removeItem(REFRESH);
  } else {
    sessionStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
  }
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Seconds until the token's expiry (negative when past); null when it cannot be read. */
export function secondsLeft(token: string): number | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof claims.exp === 'number' ? claims.exp - Date.now() / 1000 : null;
  } catch {
    return null;
  }
}
