/**
 * Headers every response of ours carries — pages, endpoints, the hook's own 403/503 pages and
 * /healthz alike — set in this one place. Static files are served by adapter-node before any
 * hook runs and carry their own.
 */
export function withSecurityHeaders(response: Response, requestId?: string): Response {
	try {
		setHeaders(response.headers, requestId);
		return response;
	} catch {
		// Immutable headers (a Response passed through from fetch): copy it once.
		const copy = new Response(response.body, response);
		setHeaders(copy.headers, requestId);
		return copy;
	}
}

function setHeaders(headers: Headers, requestId: string | undefined): void {
	// The id the log line carries, so a report ("it failed at 10:02") finds its line.
	if (requestId) headers.set('x-request-id', requestId);
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'same-origin');
	if (!headers.has('x-frame-options')) headers.set('x-frame-options', 'DENY');
}
