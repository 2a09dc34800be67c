/** Messages of the entries area; en and fr mirror these keys (checked by TypeScript and tests). */
export const entriesZhCN = {};
