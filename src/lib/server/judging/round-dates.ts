/**
 * A round's optional dates, read in the contest's time zone. Judges may work between them;
 * before the opening or after the closing date a save is refused with the date in the message.
 * Passing the closing date does not close the round: closing stays the organizer's decision
 * (the dashboard shows the round as overdue).
 */
import type { Db, Trx } from '../db/database.ts';
import { findContest } from '../contests/contest.repository.ts';
import { DEFAULT_TIME_ZONE, epochToLocal, localToEpoch } from '../contests/time-zone.ts';
import { DomainError } from '../errors.ts';

export interface RoundWindow {
	opens_at: number | null;
	closes_at: number | null;
}

/**
 * "2026-12-05 09:00 (Asia/Shanghai)": unambiguous in every language. Pages pass the zone as the
 * reader's language names it (zoneName), which reads "2026-12-05 09:00 · 北京时间（上海）" like the
 * date fields' labels: an IANA id reads as English on a Chinese page.
 */
export function wallTime(epochMs: number, zone: string, zoneLabel?: string): string {
	const time = epochToLocal(epochMs, zone).replace('T', ' ');
	return zoneLabel === undefined ? `${time} (${zone})` : `${time} · ${zoneLabel}`;
}

export type WindowState = 'before' | 'open' | 'after';

export function windowState(round: RoundWindow, now: number): WindowState {
	if (round.opens_at !== null && now < round.opens_at) return 'before';
	if (round.closes_at !== null && now >= round.closes_at) return 'after';
	return 'open';
}

async function zoneOf(db: Db | Trx, contestId: string): Promise<string> {
	return (await findContest(db, contestId))?.time_zone ?? DEFAULT_TIME_ZONE;
}

/**
 * Refuses a judge's save outside the round's dates (409 with the date). The contest's zone is
 * read only when refusing, so the usual save costs nothing more.
 */
export async function assertWithinDates(
	db: Db | Trx,
	round: RoundWindow & { contest_id: string },
	now: number
): Promise<void> {
	const state = windowState(round, now);
	if (state === 'open') return;
	const zone = await zoneOf(db, round.contest_id);
	// `at` and `zone` let judge-http.ts name the zone in the judge's language (unknown here).
	const at = state === 'before' ? round.opens_at! : round.closes_at!;
	throw DomainError.conflict(
		state === 'before' ? 'judging.error.notYetOpen' : 'judging.error.pastClosing',
		{ date: wallTime(at, zone), at, zone }
	);
}

/**
 * Parses the organizer's two optional "YYYY-MM-DDTHH:mm" fields in the contest's zone. Empty
 * means no date. A malformed date or a closing before the opening is a translated 400.
 */
export function parseRoundDates(
	input: { opensAt?: string; closesAt?: string },
	zone: string
): RoundWindow {
	const one = (text: string | undefined): number | null => {
		const value = (text ?? '').trim();
		if (!value) return null;
		const at = localToEpoch(value, zone);
		if (at === null) throw DomainError.invalid('judging.error.date');
		return at;
	};
	const opens_at = one(input.opensAt);
	const closes_at = one(input.closesAt);
	if (opens_at !== null && closes_at !== null && opens_at >= closes_at)
		throw DomainError.invalid('judging.error.datesOrder');
	return { opens_at, closes_at };
}
