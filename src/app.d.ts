import type { SessionStudent, SessionUser } from '$lib/server/auth/session.ts';
import type { Locale, MessageKey } from '$lib/i18n/index.ts';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
			student: SessionStudent | null;
			sessionId: string | null;
			/** Names this request in the logs and in the `x-request-id` response header. */
			requestId: string;
			/**
			 * Set by a public page whose HTML is the same for every anonymous visitor of a
			 * locale: it may be kept under the public version (exhibition/page-cache.ts) until
			 * `until` (epoch ms; null: until the version moves).
			 */
			shareable?: { until: number | null };
		}
		interface Error {
			message: string;
			/** Catalog key so the error page speaks the reader's language. */
			key?: MessageKey;
		}
	}
}

export {};
