/** Messages of the review area; en and fr mirror these keys (checked by TypeScript and tests). */
export const reviewZhCN = {};
