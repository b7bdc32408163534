/** English texts of the phone screens: the source of their keys; phone.fr.ts has the same shape. */
export const phoneEn = {
  phone: {
    toInbox: 'Careline inbox',
    eyebrow: 'Careline demo',
    title: 'Be the patient',
    intro:
      'This phone writes to the demo clinic over WhatsApp, Telegram, Messenger, Instagram or LINE — each played by the simulator built into Careline. Nothing leaves your computer.',
    step1: 'Pick a name and a number, then write to the clinic.',
    step2: 'Open the inbox in another tab and answer as the care team.',
    step3: 'Watch the ticks turn blue, tap reply buttons, send a photo.',
    openInbox: 'Open the inbox',
    changePatient: 'Play another patient',
    unavailableTitle: 'The patient phone is not available',
    unavailableBody:
      'It needs the WhatsApp simulator that runs inside Careline in demo mode. Start Careline with the simulator on:',
    setupTitle: 'Welcome',
    setupBody: 'Who are you today? The clinic will see this name and number.',
    yourName: 'Your name',
    yourNumber: 'Your mobile number',
    numberHint: 'Any number in international format; it stays in the demo.',
    numberInvalid: 'Use the international format, e.g. +33 6 12 34 56 78',
    clinicNumber: 'Clinic number',
    start: 'Start chatting',
    clinic: 'Your clinic',
    business: 'business account',
    chatLabel: 'Chat with the clinic',
    encryption: 'You are {{name}}. Messages go to the clinic through the Careline simulator.',
    sayHello: 'Say hello to the clinic 👋',
    placeholder: 'Message',
    messageLabel: 'Message to the clinic',
    sendPhoto: 'Send a photo',
    appPicker: 'Write from',
    apps: {
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      messenger: 'Messenger',
      instagram: 'Instagram',
      line: 'LINE',
    },
    appNotice: 'You are {{name}} on {{app}}. Messages go to the clinic through the Careline simulator.',
    send: 'Send',
  },
};

export type PhoneMessages = typeof phoneEn;
