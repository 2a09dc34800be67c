/**
 * The default rubric of a new round. Labels and descriptions are stored with the round (JSON per
 * locale) rather than looked up in the catalogs, so an organizer's later wording, or a change to
 * these defaults, never rewrites what judges of an earlier round were shown.
 */
import type { Locale } from '../../i18n/index.ts';

export interface DefaultCriterion {
	weight: number;
	min: number;
	max: number;
	label: Record<Locale, string>;
	description: Record<Locale, string>;
}

export const DEFAULT_CRITERIA: readonly DefaultCriterion[] = [
	{
		weight: 1,
		min: 1,
		max: 10,
		label: { 'zh-CN': '艺术表现', en: 'Artistic merit', fr: 'Qualité artistique' },
		description: {
			'zh-CN': '色彩、构图和用笔是否用心、动人。',
			en: 'Care and feeling in colour, composition and line.',
			fr: 'Le soin et l’émotion dans les couleurs, la composition et le trait.'
		}
	},
	{
		weight: 1,
		min: 1,
		max: 10,
		label: { 'zh-CN': '创意', en: 'Creativity', fr: 'Créativité' },
		description: {
			'zh-CN': '想法是否新颖、有个人特色。',
			en: 'A fresh idea, in the child’s own way.',
			fr: 'Une idée neuve, à la manière de l’enfant.'
		}
	},
	{
		weight: 1,
		min: 1,
		max: 10,
		label: { 'zh-CN': '切合主题', en: 'Shows the theme', fr: 'Respect du thème' },
		description: {
			'zh-CN': '作品把比赛主题表现得怎么样。',
			en: 'How well the artwork shows the contest’s theme.',
			fr: 'À quel point l’œuvre montre le thème du concours.'
		}
	}
];

/** A stored JSON label in the reader's language, falling back to Chinese (always present). */
export function localizedJson(json: string, locale: Locale): string {
	try {
		const value = JSON.parse(json) as Partial<Record<Locale, string>>;
		return value[locale] || value['zh-CN'] || '';
	} catch {
		return '';
	}
}
