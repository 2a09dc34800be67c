/** Only same-site paths: "//evil.example" and "/\\evil" are protocol-relative tricks. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
		return fallback;
	if (/\p{Cc}/u.test(value) || value.length > 2000) return fallback;
	return value;
}
