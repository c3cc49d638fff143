import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import type { Diagnostic } from './model/reading';

/** Tagged notes about pages Rapport could not fully read, kept for the options page. */
export const DiagnosticEntry = z.object({
  tag: z.string(),
  message: z.string(),
  url: z.string(),
  at: z.string(),
});
export type DiagnosticEntry = z.infer<typeof DiagnosticEntry>;

const LIMIT = 200;
const item = storage.defineItem<DiagnosticEntry[]>('local:diagnostics', { fallback: [] });

export async function recordDiagnostics(
  url: string,
  diagnostics: Diagnostic[],
  now = new Date(),
): Promise<void> {
  if (diagnostics.length === 0) return;

  const at = now.toISOString();
  const added = diagnostics.map((d) => ({ ...d, url, at }));
  const kept = [...added, ...(await listDiagnostics())].slice(0, LIMIT);
  await item.setValue(kept);
}

/** Newest first. */
export async function listDiagnostics(): Promise<DiagnosticEntry[]> {
  const parsed = z.array(DiagnosticEntry).safeParse(await item.getValue());
  return parsed.success ? parsed.data : [];
}

export async function clearDiagnostics(): Promise<void> {
  await item.setValue([]);
}
