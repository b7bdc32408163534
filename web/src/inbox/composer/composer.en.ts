/** English texts of the composer and its dialogs: the source of their keys; composer.fr.ts has the same shape. */
export const composerEn = {
  composer: {
    region: 'Reply to the patient',
    label: 'Message to the patient',
    noteLabel: 'Internal note',
    mode: 'Write',
    reply: 'Reply',
    note: 'Internal note',
    placeholder: 'Write a message… (type / for saved replies)',
    placeholderNote: 'Write a note for your colleagues — the patient never sees it',
    placeholderCaption: 'Add a caption (optional)',
    placeholderClosed: 'Free text is off while the 24-hour window is closed',
    toSend: 'to send',
    savedReplies: 'saved replies',
    emoji: 'Emoji',
    attach: 'Attach a file',
    removeAttachment: 'Remove the attachment',
    buttons: 'Question with reply buttons',
    template: 'Send a template',
    chooseTemplate: 'Choose a template',
    send: 'Send',
    addNote: 'Add note',
    refusedWindow: 'Not sent: the 24-hour window has closed. Choose an approved template.',
    tooLarge:
      'This file is too large to send: photos up to 5 MB, videos and audio up to 16 MB, documents up to 100 MB.',
    unsupportedType:
      'This kind of file cannot be sent: send a JPEG or PNG photo, an MP4 video, an audio file, or a PDF, text, Word, Excel or PowerPoint document.',
  },
  buttons: {
    title: 'Question with reply buttons',
    body: 'Question',
    bodyHint: 'The patient answers with one tap.',
    choices: 'Buttons (up to 3, 20 characters each)',
    choice: 'Button {{n}}',
    remove: 'Remove button {{n}}',
    add: 'Add a button',
    duplicate: 'Two buttons have the same title.',
    send: 'Send',
    exampleYes: 'Yes',
    exampleNo: 'No',
  },
  template: {
    title: 'Send an approved template',
    list: 'Templates',
    none: 'No approved template yet. Templates are created and approved in WhatsApp Manager.',
    preview: 'Preview',
    parameter: 'Value for {{name}}',
    send: 'Send template',
    approvedNote: 'Approved by WhatsApp: it can be sent even when the 24-hour window is closed.',
  },
};

export type ComposerMessages = typeof composerEn;
