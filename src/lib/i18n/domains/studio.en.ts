import type { studioZhCN } from './studio.zh-CN.ts';

export const studioEn: Record<keyof typeof studioZhCN, string> = {
	'studio.hello': 'Hello, {name}!',
	'studio.lead': 'Welcome to your studio. Draw here, save your work and send it to a contest.',
	'studio.signOutHint':
		'Finished? Press “Sign out” at the top so the next child can use the computer.',
	'studio.sessionEnds': 'To keep your work safe, you are signed out after 30 minutes without use.',

	'studio.newDrawing': 'New drawing',
	'studio.newPortrait': 'Tall paper',
	'studio.myDrawings': 'My drawings',
	'studio.localNote': 'These drawings are saved on this computer.',
	'studio.noDrawings': 'You have no drawings on this computer yet. Press “New drawing” to start!',
	'studio.loadingList': 'Looking for your drawings…',
	'studio.untitled': 'Untitled drawing',
	'studio.savedAt': 'Saved {date}',
	'studio.open': 'Continue',
	'studio.delete': 'Delete',
	'studio.deleteTitle': 'Delete this drawing?',
	'studio.deleteConfirm':
		'“{title}” will be removed from this computer. It cannot be brought back.',
	'studio.noscript':
		'The studio needs JavaScript to draw and to show your drawings. Please tell your teacher.',
	'studio.storageError': 'This computer cannot keep drawings. Please tell your teacher.',
	'studio.deleteFailed': 'The drawing could not be deleted. Check the network and try again.',

	'save.new': 'New paper',
	'save.saving': 'Saving…',
	'save.saved': 'Saved on this computer',
	'save.notSaved': 'Not saved!',
	'save.errorQuota':
		'This computer’s storage is full, so the drawing was not saved. Keep this page open and tell your teacher.',
	'save.errorUnavailable':
		'This computer cannot save drawings. Keep this page open and tell your teacher.',
	'save.error':
		'Not saved yet. Your drawing is still here; keep drawing and it will try again. Keep this page open.',
	'save.onServer': 'Saved',
	'save.offline': 'Offline — saved on this computer',

	'sync.signedOut':
		'You were signed out. Your drawing is safe on this computer. Sign in again and it will be saved for you.',
	'sync.conflict':
		'This drawing was changed in another window. Both are kept: yours is now “{title}” in My drawings, and the newer one is open here.',
	'sync.copySuffix': '(copy)',
	'sync.waiting': 'Waiting to be saved',

	'drawing.error.notFound': 'This drawing was not found.',
	'drawing.error.conflict':
		'This drawing was changed somewhere else. Both copies were kept; nothing is lost.',
	'drawing.error.corrupt':
		'Part of this drawing is damaged, so it could not be saved online. It is still safe on this computer.',
	'drawing.error.futureVersion':
		'This drawing was made with a newer Sprout. Reload the page to open it.',
	'drawing.error.tooLarge':
		'This drawing is too big to be saved online. It is still safe on this computer.',
	'drawing.error.title': 'A drawing name can be 60 characters at most.'
};
