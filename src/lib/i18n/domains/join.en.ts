import type { joinZhCN } from './join.zh-CN.ts';

export const joinEn: Record<keyof typeof joinZhCN, string> = {
	'join.title': 'Join my class',
	'join.codeLabel': 'Class code',
	'join.codeHint':
		'6 letters or numbers, printed on your login card. You can also scan the QR code on the card.',
	'join.submit': 'Next',
	'join.pickTitle': '{classroom}: tap your picture',
	'join.pickHint': 'Find your name and picture.',
	'join.noStudents': 'This class has no students yet. Ask your teacher to add the list.',
	'join.otherClass': 'A different class',
	'join.back': 'That’s not me',
	'join.hello': 'Hello, {name}!',
	'join.picturePrompt': 'Tap your 3 pictures in order',
	'join.pinPrompt': 'Type your 4-digit secret number',
	'join.pinLabel': 'Secret number',
	'join.progress': '{count} of {total} chosen',
	'join.restart': 'Start again',
	'join.signIn': 'Go to my studio',
	'join.chosenEmpty': 'No picture chosen yet',

	'picture.leaf': 'Leaf',
	'picture.tree': 'Tree',
	'picture.flower': 'Flower',
	'picture.sun': 'Sun',
	'picture.cloud': 'Cloud',
	'picture.drop': 'Water drop',
	'picture.fish': 'Fish',
	'picture.bird': 'Bird',
	'picture.bee': 'Bee',
	'picture.bike': 'Bicycle',
	'picture.recycle': 'Recycling',
	'picture.planet': 'Planet'
};
