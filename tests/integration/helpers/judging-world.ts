// The ground the judging integration tests (rubric, screening and pairwise, panel) stand on: the
// contest of judging-fixtures with its judges, rounds staffed the way an organizer does it, and
// refusals read as "status code".
import type { SessionUser } from '../../../src/lib/server/auth/session.ts';
import type { Db } from '../../../src/lib/server/db/database.ts';
import { DomainError } from '../../../src/lib/server/errors.ts';
import * as repo from '../../../src/lib/server/judging/judging.repository.ts';
import {
	addJudgeAccount,
	assignRound,
	createRound,
	openRound,
	type RoundInput
} from '../../../src/lib/server/judging/round.service.ts';
import { addUser } from './fixtures.ts';
import { addJudgingContest, ROUND_INPUT, type JudgingWorld } from './judging-fixtures.ts';

export { ROUND_INPUT };

/** A refusal as "404 judging.error.entry", or 'no error'; anything else is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof DomainError) return `${err.status} ${err.code}`;
		throw err;
	}
	return 'no error';
}

export interface JudgingTestWorld extends JudgingWorld {
	judges: SessionUser[];
}

/**
 * `perSchool` artworks in each of two schools and `judges` judge accounts. Judge 0 is linked to
 * the first school, so conflicts of interest are always in play.
 */
export async function addJudgingWorld(
	db: Db,
	options: { perSchool: number; judges: number; now: number }
): Promise<JudgingTestWorld> {
	const world = await addJudgingContest(db, options.perSchool, options.now);
	const judges: SessionUser[] = [];
	for (let i = 0; i < options.judges; i++) judges.push(await addUser(db, 'judge'));
	await repo.replaceJudgeSchools(db, judges[0]!.id, [world.schools[0]], options.now);
	return { ...world, judges };
}

/** Adds every judge of the world to the round. */
export async function addJudges(
	db: Db,
	world: JudgingTestWorld,
	roundId: string,
	now: number
): Promise<void> {
	for (const j of world.judges)
		await addJudgeAccount(db, world.organizer, world.contestId, roundId, j.id, now);
}

/** A round (ROUND_INPUT overridden by `input`) with every judge, assigned and open. */
export async function staffedRound(
	db: Db,
	world: JudgingTestWorld,
	input: Partial<RoundInput>,
	now: number
): Promise<string> {
	const id = await createRound(
		db,
		world.organizer,
		world.contestId,
		{ ...ROUND_INPUT, ...input },
		now
	);
	await addJudges(db, world, id, now);
	await assignRound(db, world.organizer, world.contestId, id, now);
	await openRound(db, world.organizer, world.contestId, id, now);
	return id;
}
