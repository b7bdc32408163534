/** English texts of the shared interface: the source of their keys; common.fr.ts has the same shape. */
export const commonEn = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    close: 'Close',
    language: 'Language',
  },
  dates: {
    today: 'Today',
    yesterday: 'Yesterday',
  },
  errors: {
    unexpected: 'Something unexpected happened. Please try again.',
    network: 'Careline cannot be reached. Check your connection; we will keep trying.',
    notAvailable: 'This part of Careline is not available on this server yet.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'It no longer exists, or belongs to another clinic.',
    server: 'Careline ran into a problem on its side; it has been logged. Please try again.',
  },
  notFound: {
    title: 'Page not found',
    body: 'The link may be old, or the page has moved.',
    back: 'Back to the inbox',
  },
};

export type CommonMessages = typeof commonEn;
