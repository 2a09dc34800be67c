/**
 * The twelve pictures children use as a picture password, also the base of avatars.
 * Ids are stable (stored in the database); the art lives in Picture.svelte and the
 * translated names in the message catalogs (`picture.<id>`).
 */
export const PICTURES = [
	'leaf',
	'tree',
	'flower',
	'sun',
	'cloud',
	'drop',
	'fish',
	'bird',
	'bee',
	'bike',
	'recycle',
	'planet'
] as const;
export type PictureId = (typeof PICTURES)[number];

export const PICTURE_PASSWORD_LENGTH = 3;

export const AVATAR_COLORS = ['green', 'blue', 'orange', 'purple', 'teal', 'pink'] as const;
export type AvatarColor = (typeof AVATAR_COLORS)[number];

export function isPictureId(value: string): value is PictureId {
	return (PICTURES as readonly string[]).includes(value);
}

/** "leaf-sun-fish" → ['leaf','sun','fish'], or null when any part is not a picture. */
export function parsePictureSequence(value: string): PictureId[] | null {
	const parts = value.split('-');
	if (parts.length !== PICTURE_PASSWORD_LENGTH || !parts.every(isPictureId)) return null;
	return parts as PictureId[];
}

/** Avatars are "<picture>-<colour>", e.g. "fish-teal". */
export function parseAvatar(avatar: string): { picture: PictureId; color: AvatarColor } {
	const [picture, color] = avatar.split('-');
	return {
		picture: picture && isPictureId(picture) ? picture : 'leaf',
		color: (AVATAR_COLORS as readonly string[]).includes(color ?? '')
			? (color as AvatarColor)
			: 'green'
	};
}

export const PIN_LENGTH = 4;
