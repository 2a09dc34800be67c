import { textField } from './field.ts';

export const SCHOOL_FORM = {
	name: textField({ max: 100, required: true }),
	city: textField({ max: 60 })
} as const;
