/** Messages of the media area; en and fr mirror these keys (checked by TypeScript and tests). */
export const mediaZhCN = {};
