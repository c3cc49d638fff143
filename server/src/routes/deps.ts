import type { Db } from '../database/schema';

/** What the routes need from outside: the database and the time. */
export interface Deps {
  db: Db;
  /** Milliseconds since the epoch; tests pin it. */
  now: () => number;
}
