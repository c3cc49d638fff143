// The few extension APIs the scripts and browser tests call inside the extension's own pages
// and worker.
declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
    session: {
      get(key: string | null): Promise<Record<string, unknown>>;
      onChanged: {
        addListener(cb: (changes: Record<string, { newValue?: unknown }>) => void): void;
      };
    };
  };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
