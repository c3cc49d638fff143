import type { ContactEdit } from '@/lib/model/contact';
import { updateContact } from '@/lib/storage/contacts';
import { announceChange, database } from '../data';
import { reloadContact } from './panel-store';

/** Writes the rep's edit and shows the stored result. */
export async function editContact(id: string, edit: ContactEdit): Promise<void> {
  await updateContact(await database(), id, edit);
  announceChange();
  await reloadContact();
}
