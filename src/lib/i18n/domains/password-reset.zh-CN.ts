/** Messages of admin-issued one-time password reset links; en and fr mirror these keys. */
export const passwordResetZhCN = {
	'passwordReset.make': '重置密码链接',
	'passwordReset.madeTitle': '给 {name} 的一次性重置链接',
	'passwordReset.madeHint':
		'把这个链接或二维码交给 {email} 本人。链接只能用一次，{date} 前有效。旧链接已作废。',
	'passwordReset.title': '设置新密码',
	'passwordReset.for': '账号：{email}',
	'passwordReset.password': '新密码',
	'passwordReset.confirm': '再输入一次新密码',
	'passwordReset.submit': '保存新密码',
	'passwordReset.done': '新密码已保存。所有旧的登录都已退出，请用新密码登录。',
	'passwordReset.error.invalid': '这个链接已经用过或已过期。请管理员重新生成一个。',
	'passwordReset.error.mismatch': '两次输入的密码不一样。',
	'passwordReset.error.disabled': '这个账号已停用，请先启用再重置密码。'
};
