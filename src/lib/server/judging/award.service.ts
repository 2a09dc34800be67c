/**
 * Awards per age band, proposed from the last closed round's ranking, overridable with a reason
 * that is kept, then published by moving the contest to 'results'.
 */
import { recordAudit } from '../audit/audit.repository.ts';
import type { SessionUser } from '../auth/session.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { normaliseText, textLength } from '../../text/normalise.ts';
import { findContest } from '../contests/contest.repository.ts';
import { transitionContest } from '../contests/contest.service.ts';
import { writeTransaction, type Db } from '../db/database.ts';
import type { Insertable } from 'kysely';
import type { AwardTable } from '../db/schema.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { REASON_MAX } from './close.service.ts';
import { awardForRank } from './award-rank.ts';
import * as repo from './judging.repository.ts';
import * as resultRepo from './result.repository.ts';
import { assertOrganizer } from './round.service.ts';

export { AWARD_PLAN, awardForRank } from './award-rank.ts';

async function finalRound(db: Db, contestId: string) {
	const rounds = await repo.listRounds(db, contestId);
	const last = rounds.at(-1);
	if (!last || last.status !== 'closed')
		throw DomainError.conflict('judging.awards.error.noResults');
	return last;
}

/**
 * Replaces the contest's awards with a fresh proposal from the final results. Tied artworks
 * (same rank after every published tie-break rule) get the same award.
 */
export async function proposeAwards(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	now = Date.now()
): Promise<number> {
	assertOrganizer(actor);
	const round = await finalRound(db, contestId);
	const results = await resultRepo.listResults(db, round.id);
	const bands = new Map<string, typeof results>();
	for (const r of results) {
		if (r.rank === null) continue;
		const key = round.per_band ? (r.age_band_id ?? '') : '';
		bands.set(key, [...(bands.get(key) ?? []), r]);
	}
	const rows: Insertable<AwardTable>[] = [];
	for (const list of bands.values()) {
		list.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
		list.forEach((r, i) => {
			const kind = awardForRank(r.rank!);
			if (!kind) return;
			rows.push({
				id: newId(),
				contest_id: contestId,
				age_band_id: round.per_band ? r.age_band_id : null,
				entry_id: r.entry_id,
				kind,
				label: '{}',
				position: i,
				overridden_reason: null,
				created_at: now,
				updated_at: now
			});
		});
	}
	await writeTransaction(db, async (trx) => {
		await resultRepo.replaceAwards(trx, contestId, rows);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'judging.awards.propose',
			subjectType: 'contest',
			subjectId: contestId,
			detail: { count: rows.length, roundId: round.id }
		});
	});
	return rows.length;
}

export async function listContestAwards(db: Db, actor: SessionUser | null, contestId: string) {
	assertOrganizer(actor);
	return resultRepo.listAwards(db, contestId);
}

/** Gives an award to another entry of the final round, recording why. */
export async function overrideAward(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	awardId: string,
	entryId: string,
	reasonText: string,
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	const reason = reasonText.trim();
	if (reason.length < 3 || reason.length > REASON_MAX)
		throw DomainError.invalid('judging.error.reason', { max: REASON_MAX });
	const round = await finalRound(db, contestId);
	const results = await resultRepo.listResults(db, round.id);
	const target = results.find((r) => r.entry_id === entryId);
	if (!target) throw DomainError.invalid('judging.awards.error.entry');
	const awards = await resultRepo.listAwards(db, contestId);
	const award = awards.find((a) => a.id === awardId);
	if (!award) throw DomainError.notFound('judging.awards.error.notFound');
	if (round.per_band && target.age_band_id !== award.age_band_id)
		throw DomainError.invalid('judging.awards.error.band');
	if (awards.some((a) => a.entry_id === entryId && a.id !== awardId))
		throw DomainError.conflict('judging.awards.error.twice');
	await writeTransaction(db, async (trx) => {
		await resultRepo.updateAward(
			trx,
			contestId,
			awardId,
			{ entry_id: entryId, overridden_reason: reason },
			now
		);
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'judging.awards.override',
			subjectType: 'contest',
			subjectId: contestId,
			detail: { awardId, from: award.entry_id, to: entryId, reason }
		});
	});
}

export const AWARD_NAME_MAX = 30;

/**
 * The organizer's own name for an award ("最佳创意奖", "Prix du jury"), per language; an empty
 * language keeps the standard translated name there. Changes nothing else about the award.
 */
export async function renameAward(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	awardId: string,
	names: Record<Locale, string>,
	now = Date.now()
): Promise<void> {
	assertOrganizer(actor);
	const label: Partial<Record<Locale, string>> = {};
	for (const locale of LOCALES) {
		const name = normaliseText(names[locale] ?? '');
		if (textLength(name) > AWARD_NAME_MAX)
			throw DomainError.invalid('judging.awards.error.name', { max: AWARD_NAME_MAX });
		if (name) label[locale] = name;
	}
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	if (contest.status !== 'judging') throw DomainError.conflict('judging.error.notJudging');
	await writeTransaction(db, async (trx) => {
		if (
			!(await resultRepo.updateAward(
				trx,
				contestId,
				awardId,
				{ label: JSON.stringify(label) },
				now
			))
		)
			throw DomainError.notFound('judging.awards.error.notFound');
		await recordAudit(trx, {
			actorUserId: actor.id,
			action: 'judging.awards.rename',
			subjectType: 'contest',
			subjectId: contestId,
			detail: { awardId, label }
		});
	});
}

/** Awards are settled: the contest moves to 'results'. */
export async function publishResults(
	db: Db,
	actor: SessionUser | null,
	contestId: string
): Promise<void> {
	assertOrganizer(actor);
	if ((await resultRepo.listAwards(db, contestId)).length === 0)
		throw DomainError.conflict('judging.awards.error.none');
	await transitionContest(db, actor, contestId, 'results');
}
