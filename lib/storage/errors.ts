import type { z } from 'zod';

/** What went wrong, for code that branches on it; `message` is the text for the rep. */
export type StorageErrorCode =
  | 'storage-full'
  | 'invalid-record'
  | 'not-found'
  | 'duplicate'
  | 'conflict'
  | 'bad-backup'
  | 'upgrade-blocked'
  | 'closed'
  | 'failed';

/** One problem with one field of a record, `path` written like `contacts[3].profileUrl`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

export class StorageFullError extends StorageError {
  constructor(cause?: unknown) {
    super(
      'storage-full',
      'Storage is full. Nothing was saved. Free some disk space, or export a backup and ' +
        'delete contacts you no longer need, then try again.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/** A record failed validation; `issues` lists every field at fault. */
export class InvalidRecordError extends StorageError {
  readonly issues: FieldIssue[];

  constructor(what: string, issues: FieldIssue[]) {
    super('invalid-record', `Can't save the ${what}: ${describeIssues(issues)}`);
    this.name = 'InvalidRecordError';
    this.issues = issues;
  }
}

export class NotFoundError extends StorageError {
  readonly id: string;

  constructor(what: string, id: string) {
    super('not-found', `The ${what} was not found (it may have been deleted). Id: ${id}`);
    this.name = 'NotFoundError';
    this.id = id;
  }
}

/** A contact with the same profile is already saved; `existingId` is that contact. */
export class DuplicateContactError extends StorageError {
  readonly existingId: string;

  constructor(existingId: string, displayName: string) {
    super('duplicate', `${displayName} is already saved.`);
    this.name = 'DuplicateContactError';
    this.existingId = existingId;
  }
}

/** The request contradicts what is stored, e.g. snoozing a step that is done. */
export class ConflictError extends StorageError {
  constructor(message: string, cause?: unknown) {
    super('conflict', message, { cause });
    this.name = 'ConflictError';
  }
}

/** A backup file that can't be imported; nothing was changed. */
export class BadBackupError extends StorageError {
  readonly issues: FieldIssue[];

  constructor(message: string, issues: FieldIssue[] = []) {
    super('bad-backup', message);
    this.name = 'BadBackupError';
    this.issues = issues;
  }
}

export class UpgradeBlockedError extends StorageError {
  constructor() {
    super(
      'upgrade-blocked',
      'Rapport was updated and needs to upgrade its data, but an older Rapport page is still ' +
        'open. Close or reload the other Rapport tabs and windows, then try again.',
    );
    this.name = 'UpgradeBlockedError';
  }
}

export class DatabaseClosedError extends StorageError {
  constructor(cause?: unknown) {
    super('closed', 'Rapport was updated in another tab. Reload this page to keep working.', {
      cause,
    });
    this.name = 'DatabaseClosedError';
  }
}

/** Turns zod issues into field issues, prefixing the path with the record's place. */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(prefix, issue.path),
    message: issue.message,
  }));
}

/** `formatPath('contacts', [3, 'name', 'display'])` is `contacts[3].name.display`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;

    const name = String(part);

    return text === '' ? name : `${text}.${name}`;
  }, prefix);
}

/** The first few issues, one clause each: enough to find the fault without a wall of text. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  // A union schema can report the same fault once per branch; say it once.
  const clauses = [...new Set(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)))];
  const shown = clauses.slice(0, 3);
  const more = clauses.length > 3 ? ` (and ${clauses.length - 3} more)` : '';

  return `${shown.join('; ')}${more}`;
}

/**
 * Maps whatever IndexedDB or our own code threw to a StorageError, so callers handle one type.
 * Errors that are already StorageErrors pass through unchanged.
 */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;

  const name = error instanceof Error || isDomException(error) ? error.name : '';

  if (name === 'QuotaExceededError') return new StorageFullError(error);

  if (name === 'InvalidStateError') return new DatabaseClosedError(error);

  if (name === 'ConstraintError') {
    return new ConflictError(
      'Part of this was already saved, so nothing was changed. Reload and try again.',
      error,
    );
  }

  const detail = error instanceof Error ? error.message : String(error);

  return new StorageError('failed', `Saving failed, nothing was changed (${detail}).`, {
    cause: error,
  });
}

function isDomException(error: unknown): error is DOMException {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}
