const STORAGE_KEY = 'casebinder.session';

/** The session token returned by auth.login, sent with every call. Kept per window/tab. */
export type SessionTokenStore = {
  get(): string | null;
  set(token: string): void;
  clear(): void;
};

export function createSessionTokenStore(storage: Storage = window.sessionStorage): SessionTokenStore {
  return {
    get: () => storage.getItem(STORAGE_KEY),
    set: (token) => storage.setItem(STORAGE_KEY, token),
    clear: () => storage.removeItem(STORAGE_KEY),
  };
}
