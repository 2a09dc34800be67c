import { integerField, textField } from './field.ts';

/** An artwork entered into a contest, from the studio or as a teacher's photo. */
export const ENTRY_FORM = {
	title: textField({ max: 60, required: true }),
	about: textField({ max: 300, multiline: true }),
	/** Whole years a child can be; the contest's age bands decide the rest. */
	age: integerField(4, 18)
} as const;

/** A teacher's words to the child on returning an entry, or an organizer's reason. */
export const REVIEW_FORM = {
	message: textField({ max: 300, required: true, multiline: true })
} as const;
