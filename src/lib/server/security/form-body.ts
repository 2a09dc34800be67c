import { error } from '@sveltejs/kit';

/**
 * Makes every `request.formData()` of this request answer a bad body with a translated 400
 * instead of the TypeError undici throws (which SvelteKit logs and answers with a 500):
 * garbage after a multipart content type, a truncated upload, `text/plain` posted to a form
 * action. One place, so every action and endpoint — present and future — gets it without
 * wrapping its own call. The body is still read only once, lazily, by whoever asks for it.
 */
export function guardFormBody(request: Request): void {
	const read = request.formData.bind(request);
	let parsed: Promise<FormData> | undefined;
	request.formData = () =>
		(parsed ??= read().catch((err: unknown) => {
			// A body the client stopped sending is not the form's fault: let that abort as before.
			if (err instanceof Error && err.name === 'AbortError') throw err;
			error(400, { message: 'Malformed form body', key: 'security.error.badForm' });
		}));
}
