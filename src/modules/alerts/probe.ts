export const probe = Date.now();
