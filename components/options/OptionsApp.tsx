import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { BackupSection } from './BackupSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { DeleteAllSection } from './DeleteAllSection';

export function OptionsApp(): ReactNode {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto' }}>
      <h1>{i18n.t('options.title')}</h1>
      <p className="muted">{i18n.t('options.privacy')}</p>
      <BackupSection />
      <DiagnosticsSection />
      <DeleteAllSection />
    </main>
  );
}
