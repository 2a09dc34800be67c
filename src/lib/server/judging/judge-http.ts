/**
 * JSON answers for the judge's endpoints: a refusal carries its catalog key, the message in the
 * judge's language and its parameters (a stale save carries the current value and revision),
 * so the screen can show it and, offline queue or not, decide what to keep.
 */
import { json } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n/index.ts';
import { zoneName } from '../../i18n/zone-name.ts';
import { isDomainError, type DomainError } from '../errors.ts';
import { wallTime } from './round-dates.ts';

/**
 * A refusal's date (a round not open yet, or past its closing) is made where the judge's
 * language is unknown, so it carries its instant and the contest's zone: here the zone is named
 * in that language ("北京时间（上海）"), as on the judge's page, not as an IANA id.
 */
function inLanguage(params: DomainError['params'], locale: Locale): DomainError['params'] {
	if (typeof params?.at !== 'number' || typeof params.zone !== 'string') return params;
	return { ...params, date: wallTime(params.at, params.zone, zoneName(locale, params.zone)) };
}

export function judgeJsonError(err: unknown, locale: Locale): Response {
	if (!isDomainError(err)) throw err;
	const params = inLanguage(err.params, locale);
	return json(
		{ error: err.code, message: translate(locale, err.code, params), params: params ?? {} },
		{ status: err.status, headers: { 'cache-control': 'no-store' } }
	);
}

/**
 * A batch save with a stale criterion: the 409 a stale single save gets (key, message and
 * params of the first stale criterion), plus what the server now holds for every criterion
 * sent, so the screen keeps the applied ones and shows the server's value for the others.
 */
export function staleJson(
	saved: { results: { value: number | null; revision: number; stale: boolean }[] },
	locale: Locale
): Response {
	const code = 'judging.error.stale';
	const first = saved.results.find((r) => r.stale);
	const params = { value: first?.value ?? '', revision: first?.revision ?? 0 };
	return json(
		{ error: code, message: translate(locale, code, params), params, ...saved },
		{ status: 409, headers: { 'cache-control': 'no-store' } }
	);
}

/** Reads a JSON object body; anything else is an empty object (the service then refuses it). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
	if (!(request.headers.get('content-type') ?? '').includes('application/json')) return {};
	try {
		const body: unknown = await request.json();
		return body && typeof body === 'object' && !Array.isArray(body)
			? (body as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}
