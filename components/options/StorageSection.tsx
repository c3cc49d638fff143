import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';

interface StorageState {
  /** Bytes in use, null when the browser does not say. */
  used: number | null;
  /** Whether the browser keeps the data when disk space runs low; null when it cannot tell. */
  persisted: boolean | null;
}

/**
 * How much space Rapport's data takes. Opening the options page asks once for persistent
 * storage: without it a browser short of disk space may clear everything Rapport holds.
 */
export function StorageSection(): ReactNode {
  const [state, setState] = useState<StorageState | null>(null);

  useEffect(() => {
    let current = true;

    void readStorage().then((next) => {
      if (current) setState(next);
    });

    return () => {
      current = false;
    };
  }, []);

  return (
    <section data-testid="storage">
      <p className="muted">
        <strong>{i18n.t('storage.title')}</strong> {state && storageLine(state)}
      </p>
    </section>
  );
}

function storageLine({ used, persisted }: StorageState): string {
  const usage =
    used === null ? i18n.t('storage.usedUnknown') : i18n.t('storage.used', [size(used)]);

  if (persisted === null) return usage;

  const kept = persisted ? i18n.t('storage.persisted') : i18n.t('storage.notPersisted');

  return `${usage} ${kept}`;
}

async function readStorage(): Promise<StorageState> {
  const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;

  // Some browsers, and pages outside a secure context, have no StorageManager.
  if (manager === undefined) return { used: null, persisted: null };

  const [persisted, estimate] = await Promise.all([
    manager.persist().catch(() => null),
    manager.estimate().catch(() => null),
  ]);

  return { used: estimate?.usage ?? null, persisted };
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** `size(2_500_000)` is `2.4 MB` in English, counting in steps of 1024. */
function size(bytes: number): string {
  const power = Math.min(Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)), 3);
  const format = new Intl.NumberFormat(i18n.t('replies.intlLocale'), {
    style: 'unit',
    unit: UNITS[power] ?? 'byte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });

  return format.format(bytes / 1024 ** power);
}
