import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import type { ProfileReading } from '@/lib/model/reading';
import { StoredCard } from './StoredCard';
import { RepFields } from './RepFields';
import { TouchLog } from './TouchLog';
import { NextStepEditor } from './NextStepEditor';
import { PersonDataSection } from './PersonDataSection';
import { StageEditor } from './StageEditor';
import { FieldHistory } from './FieldHistory';

interface SavedContactProps {
  contact: Contact;
  profile: ProfileReading;
}

export function SavedContact({ contact, profile }: SavedContactProps): ReactNode {
  return (
    <div data-testid="saved-contact" data-contact-id={contact.id}>
      <p className="banner ok" role="status">
        {i18n.t('panel.savedAt', [new Date(contact.createdAt).toLocaleDateString()])}
      </p>
      <StoredCard key={`card-${contact.id}`} contact={contact} profile={profile} />
      <FieldHistory key={`history-${contact.id}`} contact={contact} />
      <StageEditor key={`stage-${contact.id}`} contact={contact} />
      <NextStepEditor key={`step-${contact.id}`} contact={contact} />
      <TouchLog key={`touch-${contact.id}`} contact={contact} />
      <RepFields key={`rep-${contact.id}`} contact={contact} />
      <PersonDataSection key={`data-${contact.id}`} contact={contact} />
    </div>
  );
}
