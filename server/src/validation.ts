import type { z } from 'zod';
import { ApiError } from './errors';

/**
 * How deep arrays and objects may nest in one part of a request, the part itself counting as
 * one level. JSON.parse takes any depth, but zod's schemas (and every step after them) recurse,
 * and a deep enough value runs them out of stack. A push's field value starts four levels down
 * (the body, its changes, the change, its fields), so it may nest 60 more: far more than any
 * record needs.
 */
export const MAX_NESTING = 64;

/**
 * Parses one part of a request with its schema, or answers 400 naming what was wrong.
 *
 * @example
 * const { after, limit } = parseRequest(PullQuery, request.query, 'query');
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  part: 'body' | 'query' | 'params' | 'headers',
): z.output<Schema> {
  if (nestsDeeperThan(value, MAX_NESTING)) {
    throw new ApiError(
      400,
      'bad-request',
      `Invalid ${part}: arrays and objects in it nest more than ${MAX_NESTING} levels deep.`,
    );
  }

  const result = schema.safeParse(value);

  if (result.success) return result.data;

  throw new ApiError(400, 'bad-request', `Invalid ${part}: ${describe(result.error, part)}`);
}

/** Whether `value` nests arrays and objects more than `limit` levels; walks without recursing. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { item: unknown; level: number }[] = [{ item: value, level: 1 }];

  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { item, level } = next;

    if (typeof item !== 'object' || item === null) continue;
    if (level > limit) return true;

    for (const child of Object.values(item)) pending.push({ item: child, level: level + 1 });
  }

  return false;
}

function describe(error: z.ZodError, part: string): string {
  const problems = new Set(
    error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');

      return `${path === '' ? part : path}: ${issue.message}`;
    }),
  );
  const shown = [...problems].slice(0, 3);
  const rest = problems.size - shown.length;

  return shown.join('; ') + (rest > 0 ? ` (and ${rest} more)` : '');
}

/**
 * Where in `value` a string holds something PostgreSQL cannot store as JSON or text (a NUL
 * character, half of a surrogate pair), or null when there is none. Such text would fail deep
 * in the database; found here it is a 400 that names the field.
 */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (typeof value !== 'object' || value === null) return null;

  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;

    if (!isStorableText(key)) return at;

    const found = findUnstorableText(item, at);

    if (found !== null) return found;
  }

  return null;
}

export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes('\u0000');
}
