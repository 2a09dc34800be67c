import { randomBytes } from 'node:crypto';
import { getConfig } from '../config.ts';

let processSecret: string | undefined;

/**
 * VOTE_SECRET, or a random key for this process when it is unset: voting still works, but a
 * restart makes browsers vote-cookie-less again (they could vote twice that day) and several
 * instances would refuse each other's challenges — hence the warning.
 */
export function voteSecret(): string {
	const configured = getConfig().voteSecret;
	if (configured) return configured;
	if (!processSecret) {
		processSecret = randomBytes(32).toString('hex');
		if (getConfig().isProduction)
			console.warn('[voting] VOTE_SECRET is not set: using a random key until the next restart');
	}
	return processSecret;
}
