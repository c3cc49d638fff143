import { useEffect, type ReactNode } from 'react';
import { useSignals } from '@preact/signals-react/runtime';
import { i18n } from '#i18n';
import { Banner } from '../Banner';
import { ConversationView } from './ConversationView';
import { NewContactCard } from './NewContactCard';
import { SavedContact } from './SavedContact';
import * as panel from './panel-store';

export function PanelApp(): ReactNode {
  useSignals();
  useEffect(() => {
    panel.startPanel(location.search).catch((error: unknown) => {
      panel.failure.value = String(error);
    });
  }, []);

  return (
    <main aria-busy={panel.loading.value}>
      <header className="row">
        <h1>{i18n.t('panel.title')}</h1>
        {panel.pinned.value && (
          <span className="muted">{i18n.t('panel.pinned', [String(panel.tabId.value)])}</span>
        )}
      </header>
      {panel.failure.value && <Banner tone="error">{panel.failure.value}</Banner>}
      <PanelBody />
    </main>
  );
}

function PanelBody(): ReactNode {
  useSignals();
  const reading = panel.reading.value;
  if (panel.loading.value) return <p className="muted">{i18n.t('common.loading')}</p>;
  if (!reading) return <p data-testid="empty">{i18n.t('panel.notLinkedIn')}</p>;
  if (reading.kind === 'conversation') {
    return <ConversationView key={reading.url} conversation={reading.conversation} />;
  }

  if (reading.kind !== 'profile') return <p data-testid="empty">{i18n.t('panel.nothingToSave')}</p>;

  const saved = panel.contact.value;
  if (saved) return <SavedContact contact={saved} profile={reading.profile} />;

  return <NewContactCard key={reading.profile.key} profile={reading.profile} />;
}
