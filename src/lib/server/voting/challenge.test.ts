import { describe, expect, it } from 'vitest';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { CHALLENGE_TTL_MS, checkVotePayload, createVoteChallenge } from './challenge.ts';

const SECRET = 's'.repeat(40);
const EASY = { cost: 1, counterMin: 10, counterMax: 200 };

async function solved(challenge: Challenge): Promise<string> {
	const solution = await solveChallenge({ challenge, deriveKey });
	return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('vote challenge', () => {
	it('accepts a real solution and returns its nonce and expiry', async () => {
		const now = Date.now();
		const challenge = await createVoteChallenge(SECRET, now, EASY);
		const result = await checkVotePayload(SECRET, await solved(challenge), now);
		expect(result).toEqual({
			ok: true,
			nonce: challenge.parameters.nonce,
			expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000) * 1000
		});
	});

	it('refuses a challenge signed with another key, a tampered one and a wrong answer', async () => {
		const now = Date.now();
		const foreign = await createVoteChallenge('x'.repeat(40), now, EASY);
		expect(await checkVotePayload(SECRET, await solved(foreign), now)).toEqual({
			ok: false,
			reason: 'forged'
		});
		const ours = await createVoteChallenge(SECRET, now, EASY);
		const payload = JSON.parse(Buffer.from(await solved(ours), 'base64').toString());
		const tampered = {
			...payload,
			challenge: { ...payload.challenge, parameters: { ...payload.challenge.parameters, cost: 2 } }
		};
		expect(
			(
				await checkVotePayload(
					SECRET,
					Buffer.from(JSON.stringify(tampered)).toString('base64'),
					now
				)
			).ok
		).toBe(false);
		const wrong = { ...payload, solution: { counter: 1, derivedKey: '00'.repeat(32) } };
		expect(
			await checkVotePayload(SECRET, Buffer.from(JSON.stringify(wrong)).toString('base64'), now)
		).toEqual({ ok: false, reason: 'forged' });
	});

	it('refuses an expired challenge', async () => {
		const now = Date.now();
		const challenge = await createVoteChallenge(SECRET, now, EASY);
		const later = now + CHALLENGE_TTL_MS + 1000;
		expect(await checkVotePayload(SECRET, await solved(challenge), later)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('answers garbage with a reason, never an exception', async () => {
		const now = Date.now();
		expect((await checkVotePayload(SECRET, undefined, now)).ok).toBe(false);
		expect(await checkVotePayload(SECRET, '', now)).toEqual({ ok: false, reason: 'missing' });
		for (const bad of ['%%%', 'bm90IGpzb24=', btoa('{"challenge":1}'), 'A'.repeat(5000)])
			expect(await checkVotePayload(SECRET, bad, now)).toMatchObject({ ok: false });
	});
});
