import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { ReminderSettings, StoredReminderSettings, defaultReminderSettings } from './reminders';
import { ReplySettings, StoredReplySettings, defaultReplySettings } from './reply-targets';

export const Settings = z.object({
  diagnostics: z.boolean(),
  /** Log the messages of an open thread with a saved contact without asking. */
  autoLogConversations: z.boolean(),
  replies: ReplySettings,
  /** The daily notification of what is due, on the working days of `replies`. */
  reminder: ReminderSettings,
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return {
    diagnostics: false,
    autoLogConversations: false,
    replies: defaultReplySettings(),
    reminder: defaultReminderSettings(),
  };
}

/**
 * Settings as any version stored them: a field that is missing (older versions) or damaged
 * takes its default on its own, so the others are never lost.
 */
export const StoredSettings = z
  .object({
    diagnostics: z.boolean().catch(false),
    autoLogConversations: z.boolean().catch(false),
    replies: StoredReplySettings,
    reminder: StoredReminderSettings,
  })
  .catch(defaultSettings);

// Older versions stored fewer fields: what is read is parsed, never trusted to be `Settings`.
const item = storage.defineItem<unknown>('local:settings');

export async function getSettings(): Promise<Settings> {
  return StoredSettings.parse(await item.getValue());
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await getSettings()), ...change });
  await item.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(StoredSettings.parse(value)));
}
