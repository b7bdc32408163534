/** short: the pharmacy lacks it (or will soon); back: it is available again. */
export const STOCK_NOTICE_STATUSES = ['short', 'back'] as const;
export type StockNoticeStatus = (typeof STOCK_NOTICE_STATUSES)[number];
