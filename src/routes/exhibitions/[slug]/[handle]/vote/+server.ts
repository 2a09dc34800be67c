import { json } from '@sveltejs/kit';
import { isHandle, isSlug } from '$lib/exhibition/paths';
import { DomainError, jsonErrorOn } from '$lib/server/errors';
import { findPublicEntry } from '$lib/server/exhibition/public-entry.repository';
import { getServices } from '$lib/server/services';
import { createVoteChallenge } from '$lib/server/voting/challenge';
import { voteSecret } from '$lib/server/voting/secret';
import { VOTER_COOKIE, setVoterCookie } from '$lib/server/voting/vote-http';
import { castVote, getVoteStatus, withdrawVote } from '$lib/server/voting/voting.service';
import type { RequestEvent, RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store' };
/** A solved challenge is under 1 KB; anything much larger is not one. */
const MAX_BODY = 8 * 1024;

async function publicEntry(event: RequestEvent) {
	const { slug, handle } = event.params;
	if (!isSlug(slug) || !isHandle(handle)) throw DomainError.notFound();
	const { db } = await getServices();
	const found = await findPublicEntry(db, slug, handle);
	if (!found) throw DomainError.notFound();
	return { db, entry: found };
}

async function readPayload(request: Request): Promise<unknown> {
	const declared = request.headers.get('content-length');
	if (declared !== null && !(Number(declared) <= MAX_BODY))
		throw new DomainError(413, 'vote.error.challengeRefused');
	if (!request.headers.get('content-type')?.startsWith('application/json'))
		throw DomainError.invalid('vote.error.challengeMissing');
	const text = await request.text();
	if (text.length > MAX_BODY) throw new DomainError(413, 'vote.error.challengeRefused');
	try {
		return (JSON.parse(text) as { altcha?: unknown } | null)?.altcha;
	} catch {
		throw DomainError.invalid('vote.error.challengeMissing');
	}
}

/** A fresh proof-of-work challenge, only while this artwork's vote is open. */
export const GET: RequestHandler = async (event) => {
	try {
		const { db, entry } = await publicEntry(event);
		const secret = voteSecret();
		const status = await getVoteStatus(db, entry, { cookie: undefined }, { secret });
		if (status.state === 'closed') throw DomainError.conflict('vote.error.closed');
		if (status.state !== 'open') throw DomainError.conflict('vote.error.notYetOpen');
		return json(await createVoteChallenge(secret, Date.now()), { headers: NO_STORE });
	} catch (err) {
		return jsonErrorOn(err, NO_STORE);
	}
};

/** Vote: `{ "altcha": <widget payload> }`. */
export const POST: RequestHandler = async (event) => {
	try {
		const { db, entry } = await publicEntry(event);
		const payload = await readPayload(event.request);
		const voter = { cookie: event.cookies.get(VOTER_COOKIE), ip: event.getClientAddress() };
		const result = await castVote(db, entry, voter, payload, { secret: voteSecret() });
		if (result.newCookie) setVoterCookie(event.cookies, event.url, result.newCookie);
		return json({ state: 'open', mine: 'here' }, { headers: NO_STORE });
	} catch (err) {
		return jsonErrorOn(err, NO_STORE);
	}
};

/** Take back today's vote for this artwork. */
export const DELETE: RequestHandler = async (event) => {
	try {
		const { db, entry } = await publicEntry(event);
		await withdrawVote(
			db,
			entry,
			{ cookie: event.cookies.get(VOTER_COOKIE) },
			{
				secret: voteSecret()
			}
		);
		return json({ state: 'open', mine: 'none' }, { headers: NO_STORE });
	} catch (err) {
		return jsonErrorOn(err, NO_STORE);
	}
};
