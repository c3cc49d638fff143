import { useState } from 'react';
import { announceChange, messageOf } from '../data';
import { reloadContact } from './panel-store';

export interface PanelWrite {
  /** The last write's failure, in words, until the next write succeeds. */
  error: string | null;
  /** Runs a write, tells the other pages, and shows the stored result. */
  run: (write: () => Promise<unknown>) => Promise<void>;
}

/** How the panel's parts write: one failure message each, the card reloaded after. */
export function usePanelWrite(): PanelWrite {
  const [error, setError] = useState<string | null>(null);

  const run = async (write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
      setError(null);
      announceChange();
      await reloadContact();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return { error, run };
}
