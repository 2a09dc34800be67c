/**
 * The exhibition's entry access rule: anyone may have the pictures of a work that is public
 * now. Documents are not covered: the public replay gets a stripped copy from its own route.
 * Imported for its side effect by the hook, like every rule registered from outside entries/.
 */
import { registerEntryAccessRule } from '../entries/entry-access.ts';
import { isEntryPublic } from './public-entry.repository.ts';

registerEntryAccessRule('exhibition.public', ({ db, entry, resource }) =>
	resource === 'rendition' ? isEntryPublic(db, entry.id) : false
);
