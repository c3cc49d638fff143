import { isSyncedStore } from './wire';
import type { SyncedStore } from './wire';

/**
 * How a transaction notes which synced records it wrote, so that before it commits the outbox
 * can compare each with what the devices last agreed on (see `queueLocalChanges`).
 */
export interface Written {
  store: SyncedStore;
  key: string;
}

/**
 * The same transaction, noting the keys of synced records written through it. Only `put`,
 * `add` and `delete` write records in Rapport's storage code (no cursor updates outside
 * upgrades), so those are what is watched.
 */
export function noting<T extends object>(tx: T, written: Written[]): T {
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);

      if (property !== 'objectStore' || typeof value !== 'function') return bound(value, target);

      return (name: string) => {
        const store = (value as (n: string) => object).call(target, name);

        return isSyncedStore(name) ? notingStore(store, name, written) : store;
      };
    },
  });
}

function notingStore<S extends object>(store: S, name: SyncedStore, written: Written[]): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);

      if (typeof value !== 'function') return value;

      if (property === 'put' || property === 'add') {
        return (record: { id: string }, ...rest: unknown[]) => {
          written.push({ store: name, key: record.id });
          return (value as (...a: unknown[]) => unknown).call(target, record, ...rest);
        };
      }

      if (property === 'delete') {
        return (key: string) => {
          written.push({ store: name, key });
          return (value as (k: string) => unknown).call(target, key);
        };
      }

      return bound(value, target);
    },
  });
}

function bound(value: unknown, target: object): unknown {
  return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
}
