/** The judge's landing page (rounds themselves live in the judging domain); en and fr mirror these keys (checked by TypeScript and tests). */
export const judgeZhCN = {
	'judge.title': '评审',
	'judge.empty': '目前没有分配给你的评审轮次。组织者分配后，你会在这里看到要评审的作品。'
};
