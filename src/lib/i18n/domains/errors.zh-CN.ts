/** Error pages; en and fr mirror these keys (checked by TypeScript and tests). */
export const errorsZhCN = {
	'error.title': '出错了',
	'error.notFound': '找不到这个页面。',
	'error.forbidden': '你没有权限查看这个页面。',
	'error.unavailable': 'Sprout 暂时无法连接数据库或存储，请稍后再试。你的作品不会丢失。',
	'error.badRequest': '请求格式不正确。',
	'error.generic': '发生了意外错误。请稍后再试。',
	'error.home': '回到首页'
};
