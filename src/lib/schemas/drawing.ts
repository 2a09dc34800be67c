import { textField } from './field.ts';

/** A studio drawing's title: optional, the child's own words. */
export const DRAWING_FORM = {
	title: textField({ max: 60 })
} as const;
