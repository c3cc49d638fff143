import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { draftFromPerson } from '@/lib/contact-draft';
import type { ConversationReading } from '@/lib/model/reading';
import { saveContact } from '@/lib/storage/contacts';
import { Banner } from '../Banner';
import { labelKey } from '../labels';
import { announceChange, database, messageOf } from '../data';
import type { PartnerView } from './conversation-store';
import { reloadContact } from './panel-store';

interface PartnerListProps {
  conversation: ConversationReading;
  people: PartnerView[];
}

/**
 * The other people of the thread, never the rep. A 1:1 partner is saved with one click; in a
 * group the rep picks whom to save.
 */
export function PartnerList({ conversation, people }: PartnerListProps): ReactNode {
  const group = conversation.kind === 'group';
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (chosen: PartnerView[]): Promise<void> => {
    setBusy(true);
    try {
      await saveAll(chosen);
      setPicked(new Set());
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  if (people.length === 0) return <Banner tone="warn">{i18n.t('conversation.noPartner')}</Banner>;

  const toggle = (key: string, on: boolean): void => setPicked(toggled(picked, key, on));
  const chosen = people.filter((p) => p.key !== null && picked.has(p.key));

  return (
    <>
      <ul className="plain" data-testid="partners">
        {people.map((partner, i) => (
          <PartnerItem
            key={partner.key ?? `unknown-${i}`}
            partner={partner}
            group={group}
            busy={busy}
            picked={partner.key !== null && picked.has(partner.key)}
            onPick={(on) => partner.key !== null && toggle(partner.key, on)}
            onSave={() => void save([partner])}
          />
        ))}
      </ul>
      {group && (
        <button
          className="primary"
          data-testid="save-selected"
          disabled={busy || chosen.length === 0}
          onClick={() => void save(chosen)}
        >
          {i18n.t('conversation.saveSelected', [String(chosen.length)])}
        </button>
      )}
      {error && <Banner tone="error">{error}</Banner>}
    </>
  );
}

interface PartnerItemProps {
  partner: PartnerView;
  group: boolean;
  busy: boolean;
  picked: boolean;
  onPick: (on: boolean) => void;
  onSave: () => void;
}

function PartnerItem(props: PartnerItemProps): ReactNode {
  const { partner, group } = props;
  const savable = partner.contact === null && draftFromPerson(partner.person) !== null;

  return (
    <li data-testid="partner" data-key={partner.key ?? ''} data-saved={partner.contact !== null}>
      <div className="row">
        {group && savable && (
          <input
            type="checkbox"
            aria-label={i18n.t('conversation.pick', [partner.person.name ?? ''])}
            checked={props.picked}
            onChange={(e) => props.onPick(e.target.checked)}
          />
        )}
        <PersonName partner={partner} />
        {partner.contact ? (
          <span className="chip">{i18n.t(`status.${labelKey(partner.contact.status)}`)}</span>
        ) : (
          <span className="muted">{i18n.t('conversation.notSaved')}</span>
        )}
        {!group && savable && (
          <button className="primary" disabled={props.busy} onClick={props.onSave}>
            {i18n.t('panel.saveContact')}
          </button>
        )}
      </div>
      {partner.contact && <PartnerDetails partner={partner} />}
    </li>
  );
}

function PersonName({ partner }: { partner: PartnerView }): ReactNode {
  const name = partner.contact?.name.display ?? partner.person.name ?? i18n.t('field.none');
  const url = partner.contact?.profileUrl ?? partner.person.profileUrl;
  if (!url) return <strong>{name}</strong>;

  return (
    <a href={url} target="_blank" rel="noreferrer">
      <strong>{name}</strong>
    </a>
  );
}

function PartnerDetails({ partner }: { partner: PartnerView }): ReactNode {
  const last = partner.lastTouch;
  const step = partner.nextStep;

  return (
    <div className="muted">
      <div data-testid="partner-last-touch">
        {last
          ? i18n.t('conversation.lastTouch', [new Date(last.at).toLocaleDateString(), last.summary])
          : i18n.t('touch.empty')}
      </div>
      <div data-testid="partner-next-step">
        {step ? i18n.t('conversation.nextStep', [step.action, step.due]) : i18n.t('step.none')}
      </div>
    </div>
  );
}

async function saveAll(chosen: PartnerView[]): Promise<void> {
  const db = await database();

  for (const partner of chosen) {
    const draft = draftFromPerson(partner.person);
    if (draft) await saveContact(db, draft);
  }

  announceChange();
  await reloadContact();
}

function toggled(set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);

  return next;
}
