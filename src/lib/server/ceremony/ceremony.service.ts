/**
 * The ceremony's running order: award winners by age band, announced from honourable mentions
 * up to gold, for the slideshow and the presenter's script. Only children whose guardians agreed
 * to public showing appear: a ceremony is a public event. Their certificates print regardless.
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
import * as repo from './ceremony.repository.ts';
import { awardName } from './certificate.service.ts';

/** Announcement order within a band: the biggest award last. */
const ANNOUNCE_ORDER: Record<AwardKind, number> = { honourable: 0, bronze: 1, silver: 2, gold: 3 };

export interface CeremonyWinner {
	entryId: string;
	kind: AwardKind;
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
	/** Winners left out for want of public consent. */
	hiddenCount: number;
	awardCount: number;
}

/** Winners in running order, in `locale` (the award names and the band heading). */
export async function getCeremonyProgramme(
	db: Db,
	actor: SessionUser | null,
	contestId: string,
	locale: Locale
): Promise<CeremonyProgramme> {
	assertOrganizer(actor);
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound('contests.error.notFound');
	const rows = await repo.listWinners(db, contestId);
	const bands = new Map<string, CeremonyBand & { position: number }>();
	let hiddenCount = 0;
	for (const row of rows) {
		if (!isPublicScope(row.consentScope)) {
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
			award: awardName(locale, row.kind, row.label),
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
		awardCount: rows.length
	};
}
