// Who is signed in, for every screen: loads GET /api/auth/me once and after sign-in/out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { ApiAccount } from '../api/types.ts';

export interface AccountState {
  /** Undefined when nobody is signed in (or while loading). */
  account: ApiAccount | undefined;
  loading: boolean;
  /** Reloads the account, e.g. after signing in. */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const AccountContext = createContext<AccountState | undefined>(undefined);

export function AccountProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<ApiAccount | undefined>(undefined);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const { account } = await api<{ account: ApiAccount | null }>('/api/auth/me');
      setAccount(account ?? undefined);
    } catch (error) {
      // A failure leaves the visitor signed out, with the welcome screen.
      if (!(error instanceof ApiError)) throw error;
      setAccount(undefined);
    } finally {
      setLoading(false);
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', body: {} });
    } finally {
      setAccount(undefined);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ account, loading, refresh, signOut }), [account, loading, refresh, signOut]);
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>;
}

export function useAccount(): AccountState {
  const state = useContext(AccountContext);
  if (!state) throw new Error('useAccount is used outside <AccountProvider>');
  return state;
}
