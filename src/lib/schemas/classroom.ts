import { textField } from './field.ts';

/** A teacher's new class. */
export const CLASSROOM_FORM = {
	name: textField({ max: 60, required: true })
} as const;

/** A pasted roster: many first names, each checked like this once split. */
export const ROSTER_FORM = {
	studentName: textField({ max: 40, required: true }),
	maxStudentsPerPaste: 60
} as const;
