/** English texts of the auth screens: the source of their keys; auth.fr.ts has the same shape. */
export const authEn = {
  login: {
    title: 'Sign in',
    subtitle: "Your clinic's patient conversations, in one inbox.",
    email: 'E-mail',
    password: 'Password',
    showPassword: 'Show or hide the password',
    submit: 'Sign in',
    expired: 'Your session has ended. Please sign in again.',
    tagline: 'Patients write on WhatsApp. Your whole team answers from one place.',
    heroPatient: 'Hello, can I move my appointment to Thursday?',
    heroClinic: 'Of course! Thursday at 9:30 with Dr Martin?',
    heroThanks: 'Perfect, thank you!',
    demoHint: 'Trying the demo?',
    demoPhone: 'Play a patient on the simulated phone',
    twoFactor: {
      title: 'Two-factor sign-in',
      subtitle: 'Type the 6-digit code your authenticator app shows for Careline.',
      recoverySubtitle:
        'Type one of the recovery codes you saved when you set up two-factor sign-in. Each works once.',
      recoveryCode: 'Recovery code',
      useRecovery: 'Use a recovery code',
      useApp: 'Use the code from my app',
      submit: 'Verify',
      expired: 'That sign-in took more than 5 minutes. Please sign in again.',
      wrongRecoveryCode: 'Unknown or already used recovery code.',
    },
    errors: {
      wrongCredentials: 'Wrong e-mail or password.',
      locked: 'Too many wrong passwords or codes: signing in from here is paused for a few minutes.',
      lockedUntil: 'Too many wrong passwords or codes: signing in from here is paused until {{time}}.',
      tooManyRequests: 'Too many sign-in attempts from this network. Try again in a few minutes.',
      network: 'Careline cannot be reached. Check your connection.',
      unavailable: 'Signing in is not available on this server yet (HTTP {{status}}).',
      unexpected: 'Signing in failed. Please try again.',
    },
  },
  twoFactor: {
    codeLabel: '6-digit code',
    codeHint: 'From your authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…)',
    wrongCode: 'Wrong code, or a code already used. Type the one your app shows now.',
    paused: 'Too many wrong codes: wait a few minutes, then try again.',
    requiredCannotTurnOff: 'Your clinic requires two-factor sign-in: it cannot be turned off.',
    scan: 'Scan this QR code with your authenticator app, then type the 6-digit code it shows.',
    qrAlt: 'QR code to scan with your authenticator app',
    typeKey: 'Cannot scan? Type this key into the app:',
    confirm: 'Turn on',
    recoveryTitle: 'Your recovery codes',
    recoveryBody:
      'If your phone is lost or not at hand, each of these codes lets you sign in once. Save them somewhere safe now: they will not be shown again.',
    recoveryFileTitle: 'Careline recovery codes for {{email}} (each works once)',
    copy: 'Copy',
    copied: 'Copied',
    download: 'Download',
    recoverySaved: 'I have saved them',
    requiredTitle: 'Set up two-factor sign-in',
    requiredBody:
      '{{clinic}} requires a second step when you sign in: a code from an authenticator app on your phone. Set it up now to continue.',
    signOutInstead: 'Sign out',
  },
};

export type AuthMessages = typeof authEn;
