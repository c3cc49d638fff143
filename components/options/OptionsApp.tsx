import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { AutoLogSection } from './AutoLogSection';
import { BackupSection } from './BackupSection';
import { CadenceSection } from './CadenceSection';
import { ConnectionsImportSection } from './ConnectionsImportSection';
import { CsvImportSection } from './CsvImportSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { DeleteAllSection } from './DeleteAllSection';
import { DuplicatesSection } from './DuplicatesSection';
import { ExportSection } from './ExportSection';
import { RepliesSection } from './RepliesSection';
import { ReminderSection } from './ReminderSection';
import { StorageSection } from './StorageSection';
import { StaleSection } from './StaleSection';
import { MessagesImportSection } from './MessagesImportSection';
import { SyncSection } from './SyncSection';
import { TemplatesSection } from './TemplatesSection';

export function OptionsApp(): ReactNode {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto' }}>
      <h1>{i18n.t('options.title')}</h1>
      <p className="muted">{i18n.t('options.privacy')}</p>
      <CadenceSection />
      <RepliesSection />
      <ReminderSection />
      <AutoLogSection />
      <TemplatesSection />
      <SyncSection />
      <BackupSection />
      <StaleSection />
      <DuplicatesSection />
      <ExportSection />
      <StorageSection />
      <MessagesImportSection />
      <ConnectionsImportSection />
      <CsvImportSection />
      <DiagnosticsSection />
      <DeleteAllSection />
    </main>
  );
}
