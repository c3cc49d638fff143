import { z } from 'zod';

/**
 * The id of a stored record, and a contact's key. Both travel to a sync server as they are, and
 * its protocol takes up to 200 characters: ids Rapport makes are far shorter, and a longer one
 * from a hand-edited backup is refused when it comes in rather than failing to sync later.
 */
export const RecordId = z.string().min(1).max(200);
