/**
 * The ceremony's running order: award winners by age band, announced from honourable mentions
 * up to gold (the people's choice just before gold), for the slideshow and the presenter's script.
 * Only children whose guardians agreed to public showing appear, and no work an organizer took
 * down: a ceremony is a public event. Their certificates print regardless.
 */
import { translate, type Locale } from '../../i18n/index.ts';
import type { SessionUser } from '../auth/session.ts';
import { isPublicScope } from '../consent/consent.service.ts';
import { findContest } from '../contests/contest.repository.ts';
import { localize, parseLocalized } from '../contests/contest.service.ts';
import type { Db } from '../db/database.ts';
import type { AwardKind } from '../db/schema.ts';
import { entryMediaUrl, renditionOf } from '../entries/media-access.ts';
import { DomainError } from '../errors.ts';
import { assertOrganizer } from '../judging/round.service.ts';
import { listPeoplesChoiceWinners } from '../voting/voting.service.ts';
import * as repo from './ceremony.repository.ts';
import { awardName } from './certificate.service.ts';

export type CeremonyKind = AwardKind | 'peoples';

/** Announcement order within a band: the visitors' favourite just before the jury's gold. */
const ANNOUNCE_ORDER: Record<CeremonyKind, number> = {
	honourable: 0,
	bronze: 1,
	silver: 2,
	peoples: 3,
	gold: 4
};

export interface CeremonyWinner {
	entryId: string;
	kind: CeremonyKind;
	award: string;
	title: string;
	/** The child's own words about the artwork. */
	about: string;
	pseudonym: string;
	/** The artwork's display picture, through the entry access policy (organizers may see it). */
	imageUrl: string | null;
}

export interface CeremonyBand {
	label: string;
	winners: CeremonyWinner[];
}

export interface CeremonyProgramme {
	contestTitle: string;
	bands: CeremonyBand[];
	/** Winners left out: no public consent in force, or the work was taken down. */
	hiddenCount: number;
	awardCount: number;
}

/** Winners in running order, in `locale` (the award names and the band heading). */
export async function getCeremonyProgramme(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	locale: Locale,
	now = Date.now()
): Promise<CeremonyProgramme> {
	assertOrganizer(actor);
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	const [rows, peoples] = await Promise.all([
		repo.listWinners(db, contestId),
		listPeoplesChoiceWinners(db, contestId, now)
	]);
	const peoplesRows = await repo.listShowEntries(
		db,
		contestId,
		peoples.map((w) => w.entryId)
	);
	const all = [
		...rows.map((row) => ({ ...row, award: awardName(locale, row.kind, row.label) })),
		...peoplesRows.map((row) => ({
			...row,
			kind: 'peoples' as const,
			award: translate(locale, 'ceremony.award.peoples')
		}))
	];
	const bands = new Map<string, CeremonyBand & { position: number }>();
	let hiddenCount = 0;
	for (const row of all) {
		if (!isPublicScope(row.consentScope) || row.hiddenAt !== null) {
			hiddenCount++;
			continue;
		}
		const key = row.bandId ?? '';
		const band = bands.get(key) ?? {
			label: row.bandLabel ?? translate(locale, 'ceremony.slideshow.allBands'),
			position: row.bandPosition ?? Number.MAX_SAFE_INTEGER,
			winners: []
		};
		band.winners.push({
			entryId: row.entryId,
			kind: row.kind,
			award: row.award,
			title: row.title,
			about: row.about,
			pseudonym: row.pseudonym,
			imageUrl: renditionOf(row.media, 'display.webp')
				? entryMediaUrl(row.entryId, 'display.webp')
				: null
		});
		bands.set(key, band);
	}
	const ordered = [...bands.values()].sort((a, b) => a.position - b.position);
	for (const band of ordered)
		band.winners.sort((a, b) => ANNOUNCE_ORDER[a.kind] - ANNOUNCE_ORDER[b.kind]);
	return {
		contestTitle: localize(parseLocalized(contest.title), locale),
		bands: ordered.map(({ label, winners }) => ({ label, winners })),
		hiddenCount,
		awardCount: all.length
	};
}
