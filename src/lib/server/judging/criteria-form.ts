/**
 * The organizer's rubric editor as plain form rows (it works without JavaScript): each row has
 * its labels and short descriptions in the three languages, a weight, a scale, a place number
 * and a "remove" box; one blank row adds a criterion. Pure: parsing and checking only.
 */
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { normaliseText, textLength } from '../../text/normalise.ts';
import { DomainError } from '../errors.ts';

export const CRITERIA_MAX = 8;
export const LABEL_MAX = 40;
export const DESCRIPTION_MAX = 200;
export const SCALE_MAX = 100;

export interface CriterionRowInput {
	/** The stored criterion's id, or '' for the new row. */
	id: string;
	label: Record<Locale, string>;
	description: Record<Locale, string>;
	weight: string;
	min: string;
	max: string;
	/** Place in the list (1 = first); ties keep the rows' order. */
	place: string;
	remove: boolean;
}

export interface CriterionValue {
	id: string | null;
	label: Record<Locale, string>;
	description: Record<Locale, string>;
	weight: number;
	min: number;
	max: number;
}

const INTEGER = /^-?\d{1,3}$/;

/** Rows → the new rubric, in order. Every problem is a translated 400 naming the row. */
export function parseCriteriaRows(rows: readonly CriterionRowInput[]): CriterionValue[] {
	const kept: { place: number; at: number; value: CriterionValue }[] = [];
	rows.forEach((row, at) => {
		const label = Object.fromEntries(
			LOCALES.map((l) => [l, normaliseText(row.label[l] ?? '')])
		) as Record<Locale, string>;
		const description = Object.fromEntries(
			LOCALES.map((l) => [l, normaliseText(row.description[l] ?? '')])
		) as Record<Locale, string>;
		const blank =
			LOCALES.every((l) => !label[l] && !description[l]) && row.id === '' && !row.remove;
		if (row.remove || blank) return;
		const n = at + 1;
		if (!label['zh-CN']) throw DomainError.invalid('judging.error.criterionLabel', { n });
		if (LOCALES.some((l) => textLength(label[l]) > LABEL_MAX))
			throw DomainError.invalid('judging.error.criterionLabelLength', { n, max: LABEL_MAX });
		if (LOCALES.some((l) => textLength(description[l]) > DESCRIPTION_MAX))
			throw DomainError.invalid('judging.error.criterionDescription', {
				n,
				max: DESCRIPTION_MAX
			});
		const weight = Number(row.weight.trim().replace(',', '.'));
		if (!row.weight.trim() || !Number.isFinite(weight) || weight <= 0 || weight > 10)
			throw DomainError.invalid('judging.error.criterionWeight', { n });
		const min = INTEGER.test(row.min.trim()) ? Number(row.min.trim()) : NaN;
		const max = INTEGER.test(row.max.trim()) ? Number(row.max.trim()) : NaN;
		if (!(min >= 0 && max <= SCALE_MAX && min < max))
			throw DomainError.invalid('judging.error.criterionScale', { n, max: SCALE_MAX });
		const place = /^\d{1,3}$/.test(row.place.trim()) ? Number(row.place.trim()) : at + 1;
		kept.push({
			place,
			at,
			value: { id: row.id || null, label, description, weight, min, max }
		});
	});
	if (kept.length === 0) throw DomainError.invalid('judging.error.criteriaNone');
	if (kept.length > CRITERIA_MAX)
		throw DomainError.invalid('judging.error.criteriaMany', { max: CRITERIA_MAX });
	return kept.sort((a, b) => a.place - b.place || a.at - b.at).map((k) => k.value);
}
