import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { deleteAllData } from '@/lib/storage/contacts';
import { setConnection } from '@/lib/sync-service';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';

export function DeleteAllSection(): ReactNode {
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const remove = async (): Promise<void> => {
    if (!confirm(i18n.t('options.deleteConfirm'))) return;

    try {
      await deleteAllData(await database());
      await setConnection(null);
      announceChange();
      setNotice({ tone: 'ok', text: i18n.t('options.deleted') });
    } catch (error) {
      setNotice({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <section>
      <button onClick={() => void remove()}>{i18n.t('options.deleteAll')}</button>
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}
