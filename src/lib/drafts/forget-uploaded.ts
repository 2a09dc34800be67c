/**
 * Shared PCs: when a child signs out, their drawings that are safely on the server (uploaded
 * and unchanged since) leave this browser; anything not yet uploaded stays. Run before the
 * sign-out posts (hydrated pages) and again where the signed-out browser lands (/join), which
 * also covers pages served without hydration. Never throws, and gives up after `ms`: a slow
 * or broken browser store must not keep a child signed in.
 */
export async function forgetUploadedDrafts(studentId: string, ms = 1500): Promise<void> {
	const forget = async () => {
		const { openLocalDrafts } = await import('./local-drafts.ts');
		await openLocalDrafts().removeUploaded(studentId);
	};
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
	await Promise.race([forget().catch(() => {}), timeout]);
	clearTimeout(timer);
}
