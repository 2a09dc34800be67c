/**
 * Self-hosted proof of work (ALTCHA): the server signs a challenge that takes a browser a
 * moment to solve and checks a solution in microseconds. No third-party service is involved —
 * those fail in mainland China. A solution is accepted once: its nonce is recorded until the
 * challenge expires (voting.repository `claimChallenge`), so replays are refused.
 */
import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

export const CHALLENGE_ALGORITHM = 'SHA-256';
export const CHALLENGE_TTL_MS = 10 * 60_000;

export interface Difficulty {
	/** Hash iterations per attempt. */
	cost: number;
	/** The solution's counter is drawn from [counterMin, counterMax): the attempts needed. */
	counterMin: number;
	counterMax: number;
}

/**
 * About 70,000 hashes on average: under a second in a browser's workers (each hash is an async
 * WebCrypto call), so a flood pays per vote while a parent on an old phone waits a moment.
 */
export const DEFAULT_DIFFICULTY: Difficulty = { cost: 10, counterMin: 2_000, counterMax: 12_000 };

function keys(secret: string) {
	const derive = (purpose: string) =>
		createHmac('sha256', secret).update(`altcha\u0000${purpose}`).digest('hex');
	return { challenge: derive('challenge'), key: derive('key') };
}

export async function createVoteChallenge(
	secret: string,
	now: number,
	difficulty: Difficulty = DEFAULT_DIFFICULTY
): Promise<Challenge> {
	const k = keys(secret);
	return createChallenge({
		algorithm: CHALLENGE_ALGORITHM,
		cost: difficulty.cost,
		counter: randomInt(difficulty.counterMin, difficulty.counterMax),
		deriveKey,
		expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000),
		hmacSignatureSecret: k.challenge,
		hmacKeySignatureSecret: k.key
	});
}

export type ChallengeCheck =
	| { ok: true; nonce: string; expiresAt: number }
	| { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'forged' };

const HEX = /^[0-9a-f]{16,128}$/;
const MAX_PAYLOAD = 4096;

/**
 * Checks the widget's payload (base64 of `{challenge, solution}`): signed by us, not expired,
 * solved. Whether it was already used is the repository's job, in the same transaction as the
 * vote. Anything unexpected is 'malformed' or 'forged' — never an exception.
 */
export async function checkVotePayload(
	secret: string,
	payload: unknown,
	now: number
): Promise<ChallengeCheck> {
	if (typeof payload !== 'string' || payload === '') return { ok: false, reason: 'missing' };
	if (payload.length > MAX_PAYLOAD) return { ok: false, reason: 'malformed' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	const body = parsed as {
		challenge?: Challenge;
		solution?: { counter: number; derivedKey: string };
	};
	const params = body?.challenge?.parameters;
	if (
		!params ||
		typeof params !== 'object' ||
		typeof params.nonce !== 'string' ||
		!HEX.test(params.nonce) ||
		typeof body.solution !== 'object' ||
		body.solution === null
	)
		return { ok: false, reason: 'malformed' };
	// Our own challenges always expire and use our algorithm; anything else was not made here.
	if (params.algorithm !== CHALLENGE_ALGORITHM || typeof params.expiresAt !== 'number')
		return { ok: false, reason: 'forged' };
	if (params.expiresAt * 1000 < now) return { ok: false, reason: 'expired' };
	const k = keys(secret);
	try {
		const result = await verifySolution({
			challenge: body.challenge!,
			solution: body.solution,
			deriveKey,
			hmacSignatureSecret: k.challenge,
			hmacKeySignatureSecret: k.key
		});
		if (result.expired) return { ok: false, reason: 'expired' };
		if (!result.verified) return { ok: false, reason: 'forged' };
	} catch {
		return { ok: false, reason: 'forged' };
	}
	return { ok: true, nonce: params.nonce, expiresAt: params.expiresAt * 1000 };
}
