import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { getSettings, updateSettings } from '@/lib/settings';

/** Whether an open thread with a saved contact is logged without asking; off until chosen. */
export function AutoLogSection(): ReactNode {
  const [on, setOn] = useState(false);

  useEffect(() => void getSettings().then((settings) => setOn(settings.autoLogConversations)), []);

  const toggle = async (next: boolean): Promise<void> => {
    setOn((await updateSettings({ autoLogConversations: next })).autoLogConversations);
  };

  return (
    <section aria-labelledby="auto-log-heading">
      <h2 id="auto-log-heading">{i18n.t('replies.autoLogSection')}</h2>
      <label className="row">
        <input
          type="checkbox"
          name="autoLogConversations"
          checked={on}
          onChange={(e) => void toggle(e.target.checked)}
        />
        {i18n.t('replies.autoLog')}
      </label>
    </section>
  );
}
