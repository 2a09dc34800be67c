/**
 * What is printed for a contest, in label order: its approved works that still have parental
 * consent, numbered (see `label-order.ts`), with the words of their label and where their
 * artwork comes from. The one list the labels, the pack and the ceremony number from.
 */
import { translate, type Locale, type MessageKey } from '$lib/i18n/index.ts';
import { localize, parseLocalized } from '../contests/contest.service.ts';
import { findContest } from '../contests/contest.repository.ts';
import type { Db } from '../db/database.ts';
import { listPrintableEntries } from '../entries/entry.repository.ts';
import { DomainError } from '../errors.ts';
import { listAwards } from '../judging/result.repository.ts';
import { listPeoplesChoiceWinners } from '../voting/voting.service.ts';
import { bestAward, numberLabels } from './label-order.ts';
import type { Label, LabelWords } from './labels-pdf.ts';

export interface PrintItem extends Label {
	entryId: string;
	source: 'studio' | 'upload';
	/** The drawing's stored document (studio works). */
	docKey: string | null;
	drawingRevision: number | null;
	/** The photo's stored original (uploads). */
	originalKey: string | null;
}

export interface PrintList {
	contestTitle: string;
	items: PrintItem[];
	words: LabelWords;
}

/** Whether a work may be shown (and linked) publicly; the exhibition decides. */
export type PublicUrlOf = (entryId: string) => Promise<string | null>;

/** The public's award, kept apart from the jury's (see voting/); printed after the jury's. */
const PEOPLES_CHOICE = 'peoples_choice';

function awardName(kind: string, label: string, locale: Locale): string {
	const custom = parseLocalized(label);
	const own = localize(custom, locale);
	if (own) return own;
	if (kind === PEOPLES_CHOICE) return translate(locale, 'ceremony.award.peoples');
	const key = `judging.awards.kind.${kind}` as MessageKey;
	return translate(locale, key);
}

export async function loadPrintList(
	db: Db,
	contestId: string,
	options: { locale: Locale; publicUrlOf: PublicUrlOf }
): Promise<PrintList> {
	const contest = await findContest(db, contestId);
	if (!contest) throw DomainError.notFound();
	const { locale } = options;
	const [entries, awards, publicChoice] = await Promise.all([
		listPrintableEntries(db, contestId),
		listAwards(db, contestId),
		listPeoplesChoiceWinners(db, contestId)
	]);
	const awardsOf = new Map<string, { kind: string; label: string }[]>();
	const add = (entryId: string, award: { kind: string; label: string }) =>
		awardsOf.set(entryId, [...(awardsOf.get(entryId) ?? []), award]);
	for (const a of awards) add(a.entry_id, a);
	for (const w of publicChoice) add(w.entryId, { kind: PEOPLES_CHOICE, label: '{}' });
	// A withdrawn parental consent takes the work out of print as out of every public place.
	const shown = entries.filter((e) => e.consent_scope !== null);
	const numbered = numberLabels(
		shown.map((e) => {
			const kinds = (awardsOf.get(e.id) ?? []).map((a) => a.kind);
			return {
				...e,
				bandPosition: e.band_position,
				award: bestAward(kinds),
				createdAt: e.created_at
			};
		})
	);
	const items: PrintItem[] = [];
	for (const e of numbered) {
		const award = e.award ? awardsOf.get(e.id)?.find((a) => a.kind === e.award) : undefined;
		items.push({
			entryId: e.id,
			number: e.number,
			title: e.title,
			pseudonym: e.pseudonym,
			band: e.band_label,
			award: award ? awardName(award.kind, award.label, locale) : null,
			awardKind: e.award,
			about: e.about,
			url: await options.publicUrlOf(e.id),
			source: e.source,
			docKey: e.doc_key,
			drawingRevision: e.drawing_revision,
			originalKey: e.original_key
		});
	}
	const contestTitle = localize(parseLocalized(contest.title), locale);
	return {
		contestTitle,
		items,
		words: {
			number: (n) => translate(locale, 'print.label.number', { number: n }),
			band: (band) => translate(locale, 'print.label.band', { band }),
			scan: translate(locale, 'print.label.scan'),
			contest: contestTitle
		}
	};
}
