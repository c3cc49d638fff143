import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

export const Settings = z.object({
  diagnostics: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

const DEFAULTS: Settings = { diagnostics: false };

const item = storage.defineItem<Settings>('local:settings', { fallback: DEFAULTS });

export async function getSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await item.getValue());
  return parsed.success ? parsed.data : DEFAULTS;
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await getSettings()), ...change });
  await item.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(Settings.safeParse(value).data ?? DEFAULTS));
}
