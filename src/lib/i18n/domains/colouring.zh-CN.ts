/** Messages of contest paper and colouring pages in the studio; en and fr mirror these keys. */
export const colouringZhCN = {
	'colouring.heading': '为比赛画一幅画',
	'colouring.lead': '选一张白纸，或者一张填色画，就可以开始画啦。',
	'colouring.blank': '白纸',
	'colouring.pages': '{contest} 的填色画',
	'colouring.noneLeft': '这个比赛你已经交满作品了，不过还可以继续画。'
};
