import type { errorsZhCN } from './errors.zh-CN.ts';

export const errorsEn: Record<keyof typeof errorsZhCN, string> = {
	'error.title': 'Something went wrong',
	'error.notFound': 'This page does not exist.',
	'error.forbidden': 'You are not allowed to see this page.',
	'error.unavailable':
		'Sprout cannot reach its database or storage right now. Please try again in a moment. No work is lost.',
	'error.badRequest': 'That request was not well formed.',
	'error.generic': 'An unexpected error happened. Please try again later.',
	'error.home': 'Back to the home page'
};
