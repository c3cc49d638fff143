import { PushRequest } from '@/lib/sync/protocol';
import type { Change } from '@/lib/sync/protocol';

/**
 * The server's side of the sync protocol, in memory: an append-only log, a push that adds only
 * the changes it has not seen, and a pull that reads after a cursor. It refuses what the real
 * server would, so a device that sends a change outside the protocol fails here too.
 */
export class MemoryServer {
  log: Change[] = [];
  readonly seen = new Set<string>();

  /** `checked: false` takes the short made-up changes of the merge tests as they are. */
  constructor(private readonly options: { checked: boolean } = { checked: true }) {}

  /** Returns how many changes were new. */
  push(changes: readonly Change[]): number {
    const before = this.log.length;

    if (this.options.checked) PushRequest.parse({ changes });

    for (const change of changes) {
      if (this.seen.has(change.id)) continue;

      this.seen.add(change.id);
      this.log.push(change);
    }

    return this.log.length - before;
  }

  pull(after: string, limit: number): { changes: Change[]; cursor: string; more: boolean } {
    const start = Number(after);
    const changes = this.log.slice(start, start + limit);
    const cursor = String(start + changes.length);

    return { changes, cursor, more: Number(cursor) < this.log.length };
  }
}
