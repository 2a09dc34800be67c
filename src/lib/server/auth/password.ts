import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's recommendation).
 * Hashing is deliberately expensive, so at most two run at once (one per core); the rest
 * queue instead of starving the event loop's thread pool.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
	if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	try {
		return await fn();
	} finally {
		running--;
		waiting.shift()?.();
	}
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return withSlot(() => hash(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (password.length > MAX_PASSWORD_LENGTH) return false;
	try {
		return await withSlot(() => verify(passwordHash, password));
	} catch {
		return false;
	}
}

/** Verifying against this when the email is unknown keeps response times alike. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
	dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
	return dummyHash;
}
