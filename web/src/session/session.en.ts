/** English texts of the signed-in person's menu: the source of their keys; session.fr.ts has the same shape. */
export const sessionEn = {
  account: {
    menu: 'Account of {{name}}',
    settings: 'Clinic settings',
    profile: 'Your profile',
    security: 'Account security',
    openPhone: 'Open the patient phone (demo)',
    signOut: 'Sign out',
  },
};

export type SessionMessages = typeof sessionEn;
