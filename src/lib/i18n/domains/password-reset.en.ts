import type { passwordResetZhCN } from './password-reset.zh-CN.ts';

export const passwordResetEn: Record<keyof typeof passwordResetZhCN, string> = {
	'passwordReset.make': 'Password reset link',
	'passwordReset.madeTitle': 'One-time reset link for {name}',
	'passwordReset.madeHint':
		'Give this link or QR code to {email} in person. It can be used once, until {date}. Any older link no longer opens.',
	'passwordReset.title': 'Choose a new password',
	'passwordReset.for': 'Account: {email}',
	'passwordReset.password': 'New password',
	'passwordReset.confirm': 'New password again',
	'passwordReset.submit': 'Save new password',
	'passwordReset.done':
		'Your new password is saved. Every earlier sign-in has ended: sign in with the new password.',
	'passwordReset.error.invalid':
		'This link has already been used or has expired. Ask an administrator for a new one.',
	'passwordReset.error.mismatch': 'The two passwords are not the same.',
	'passwordReset.error.disabled':
		'This account is disabled: enable it before resetting its password.'
};
