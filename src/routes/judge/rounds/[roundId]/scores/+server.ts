import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError, readJsonObject, staleJson } from '$lib/server/judging/judge-http';
import { saveScore, saveScores } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/**
 * Scores of one entry. Two bodies:
 * - `{ handle, scores: [{ criterionId, value, base }] }`, what the judge's queue sends when
 *   several criteria piled up → `{ results: [{ criterionId, value, revision, stale }], done }`,
 *   409 with the same results when a criterion was stale (the others are applied);
 * - `{ handle, criterionId, value, base }`, one criterion → `{ value, revision, done }` (also
 *   what a screen loaded before batches, or its queue kept in localStorage, still sends).
 */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const body = await readJsonObject(event.request);
	const { db } = await getServices();
	const headers = { 'cache-control': 'no-store' };
	try {
		if ('scores' in body) {
			const saved = await saveScores(db, user, event.params.roundId, {
				handle: body.handle,
				scores: body.scores
			});
			return saved.results.some((r) => r.stale)
				? staleJson(saved, event.locals.locale)
				: json(saved, { headers });
		}
		const saved = await saveScore(db, user, event.params.roundId, {
			handle: body.handle,
			criterionId: body.criterionId,
			value: body.value,
			base: body.base
		});
		return json(saved, { headers });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
