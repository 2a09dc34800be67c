import { textField } from './field.ts';

/** An adult account created by an admin; the password has its own rules (auth/password.ts). */
export const USER_FORM = {
	displayName: textField({ max: 80, required: true })
} as const;
