/* Generated from GET /api/v1/openapi.json by `npm run api:types`: do not edit by hand. */

export type ChannelWindow =
  | {
      kind: 'none';
    }
  | {
      kind: 'session';
      hours: number;
      after: 'templates' | 'nothing';
    }
  | {
      kind: 'session';
      hours: number;
      after: 'human_agent_tag';
      tagHours: number;
    };
export type NewChannel =
  | {
      type: 'telegram';
      name?: string;
      settings?: {
        apiUrl?: string;
      };
      secrets: {
        /**
         * BotFather’s token; the bot id (its digits before “:”) becomes the external id
         */
        botToken: string;
        /**
         * Sent back by Telegram in every delivery; made by Careline when left out
         */
        secretToken?: string;
      };
    }
  | {
      type: 'line';
      name?: string;
      settings?: {
        apiUrl?: string;
        dataApiUrl?: string;
      };
      secrets: {
        /**
         * The channel secret (LINE Developers console): signs every webhook
         */
        channelSecret: string;
        /**
         * A channel access token; the bot’s user id (GET /v2/bot/info) becomes the external id
         */
        channelAccessToken: string;
      };
    }
  | {
      type: 'sms';
      name?: string;
      settings: {
        /**
         * The number texts go from, E.164 (+33757123456): the external id
         */
        from: string;
        /**
         * The account SID (Twilio: AC…)
         */
        accountSid: string;
        /**
         * A Twilio-compatible API server; Twilio’s own when left out
         */
        apiUrl?: string;
      };
      secrets: {
        /**
         * The auth token: signs every webhook, authenticates every call
         */
        authToken: string;
      };
    }
  | {
      type: 'viber';
      name?: string;
      settings?: {
        apiUrl?: string;
        /**
         * Messages outside the 24-hour session (billable), as enabled for the bot; off by default
         */
        botInitiated?: boolean;
        /**
         * The sender name shown on every message
         */
        senderName?: string;
        /**
         * Answered once to a patient who opens the chat; none when left out
         */
        welcomeMessage?: string;
      };
      secrets: {
        /**
         * The bot’s auth token: signs every callback; the account id (get_account_info) becomes the external id
         */
        authToken: string;
      };
    }
  | {
      type: 'messenger' | 'instagram';
      name?: string;
      /**
       * The Facebook Page id (messenger) or the Instagram account id (instagram)
       */
      external_id: string;
      settings?: {
        graphUrl?: string;
        apiVersion?: string;
      };
      secrets: {
        pageAccessToken: string;
        appSecret: string;
        verifyToken: string;
      };
    }
  | {
      type: 'whatsapp';
      name?: string;
      /**
       * Meta’s phone number id
       */
      external_id: string;
      settings?: {
        graphUrl?: string;
        apiVersion?: string;
        wabaId?: string;
        displayPhoneNumber?: string;
      };
      secrets: {
        accessToken: string;
        appSecret: string;
        verifyToken: string;
      };
    };
export type OutboundMediaRef =
  | {
      /**
       * Careline media id, or a provider media id of media already uploaded there
       */
      mediaId: string;
      /**
       * The provider’s id for this media, when already known
       */
      providerMediaId?: string;
    }
  | {
      /**
       * A public URL the provider fetches
       */
      url: string;
    };
export type OutboundInteractiveHeader =
  | {
      type: 'text';
      text: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      url: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      mediaId: string;
      providerMediaId?: string;
    };
export type OutboundInteractiveHeaderInput =
  | {
      type: 'text';
      text: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      url: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      mediaId: string;
      providerMediaId?: string;
    };
export type OutboundMediaRefInput =
  | {
      /**
       * Careline media id, or a provider media id of media already uploaded there
       */
      mediaId: string;
      /**
       * The provider’s id for this media, when already known
       */
      providerMediaId?: string;
    }
  | {
      /**
       * A public URL the provider fetches
       */
      url: string;
    };
export type OutboundMessage =
  | OutboundTextMessage
  | OutboundImageMessage
  | OutboundVideoMessage
  | OutboundAudioMessage
  | OutboundDocumentMessage
  | OutboundStickerMessage
  | OutboundLocationMessage
  | OutboundContactsMessage
  | OutboundReactionMessage
  | OutboundButtonsMessage
  | OutboundListMessage
  | OutboundCtaUrlMessage
  | OutboundTemplateMessage;
export type OutboundTemplateHeader =
  | {
      type: 'text';
      /**
       * The value of the header’s one parameter
       */
      text: string;
      /**
       * Its name, for templates with named parameters
       */
      parameterName?: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      url: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      mediaId: string;
      providerMediaId?: string;
    };
export type OutboundTemplateButton =
  | {
      /**
       * Position of the button in the template, from 0
       */
      index: number;
      subType: 'quick_reply';
      /**
       * Comes back when the patient taps the button
       */
      payload: string;
    }
  | {
      /**
       * Position of the button in the template, from 0
       */
      index: number;
      subType: 'url';
      /**
       * The value of the URL’s parameter
       */
      text: string;
    };
export type OutboundTemplateHeaderInput =
  | {
      type: 'text';
      /**
       * The value of the header’s one parameter
       */
      text: string;
      /**
       * Its name, for templates with named parameters
       */
      parameterName?: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      url: string;
    }
  | {
      type: 'image' | 'video' | 'document';
      mediaId: string;
      providerMediaId?: string;
    };

/**
 * Every named schema of the API, by name.
 */
export interface CarelineApiSchemas {
  AccessSettings: AccessSettings;
  ActiveSession: ActiveSession;
  Alert: Alert;
  Appointment: Appointment;
  AppointmentMove: AppointmentMove;
  AppointmentReminders: AppointmentReminders;
  AppointmentType: AppointmentType;
  AuditEvent: AuditEvent;
  AutomationSession: AutomationSession;
  AvailabilityQuery: AvailabilityQuery;
  AvailabilityQueryInput: AvailabilityQueryInput;
  Broadcast: Broadcast;
  BroadcastRecipient: BroadcastRecipient;
  BroadcastReport: BroadcastReport;
  BroadcastWithReport: BroadcastWithReport;
  CannedReply: CannedReply;
  CareGroup: CareGroup;
  CareGroupAvailability: CareGroupAvailability;
  CareGroupMessage: CareGroupMessage;
  Channel: Channel;
  ChannelCapabilities: ChannelCapabilities;
  ChannelLimits: ChannelLimits;
  ChannelPatch: ChannelPatch;
  ChannelWindow: ChannelWindow;
  ConsentRecord: ConsentRecord;
  Contact: Contact;
  ContactConsents: ContactConsents;
  ContactMerge: ContactMerge;
  ContactMergeRequest: ContactMergeRequest;
  ContactMergeRequestInput: ContactMergeRequestInput;
  ContactPanel: ContactPanel;
  ContactPatch: ContactPatch;
  ContactRef: ContactRef;
  ContactSummary: ContactSummary;
  Conversation: Conversation;
  ConversationCounts: ConversationCounts;
  ConversationWindow: ConversationWindow;
  CsatReport: CsatReport;
  CsatSummary: CsatSummary;
  DuplicateSuggestion: DuplicateSuggestion;
  Erasure: Erasure;
  ExportRun: ExportRun;
  ExportSchedule: ExportSchedule;
  FhirConnection: FhirConnection;
  FhirSyncLogEntry: FhirSyncLogEntry;
  Flow: Flow;
  FlowDetails: FlowDetails;
  FlowDetailsInput: FlowDetailsInput;
  FlowInput: FlowInput;
  GroupMembersChange: GroupMembersChange;
  GroupPatient: GroupPatient;
  Location: Location;
  LockedProblem: LockedProblem;
  Media: Media;
  MergePreview: MergePreview;
  Message: Message;
  MessageContent: MessageContent;
  MessageVolumeReport: MessageVolumeReport;
  NewAppointment: NewAppointment;
  NewBroadcast: NewBroadcast;
  NewBroadcastInput: NewBroadcastInput;
  NewCannedReply: NewCannedReply;
  NewCareGroup: NewCareGroup;
  NewCareGroupMessage: NewCareGroupMessage;
  NewChannel: NewChannel;
  NewPatientGroup: NewPatientGroup;
  NewPharmacy: NewPharmacy;
  NewPrescriptionOrder: NewPrescriptionOrder;
  NewStaffMember: NewStaffMember;
  NewStockNotice: NewStockNotice;
  NewWebhookSubscription: NewWebhookSubscription;
  NewWebhookSubscriptionInput: NewWebhookSubscriptionInput;
  OutboundAudioMessage: OutboundAudioMessage;
  OutboundButtonsMessage: OutboundButtonsMessage;
  OutboundContactCard: OutboundContactCard;
  OutboundContactCardInput: OutboundContactCardInput;
  OutboundContactsMessage: OutboundContactsMessage;
  OutboundCtaUrlMessage: OutboundCtaUrlMessage;
  OutboundCtaUrlMessageInput: OutboundCtaUrlMessageInput;
  OutboundDocumentMessage: OutboundDocumentMessage;
  OutboundImageMessage: OutboundImageMessage;
  OutboundInteractiveHeader: OutboundInteractiveHeader;
  OutboundInteractiveHeaderInput: OutboundInteractiveHeaderInput;
  OutboundListMessage: OutboundListMessage;
  OutboundLocationMessage: OutboundLocationMessage;
  OutboundMediaRef: OutboundMediaRef;
  OutboundMediaRefInput: OutboundMediaRefInput;
  OutboundMessage: OutboundMessage;
  OutboundReactionMessage: OutboundReactionMessage;
  OutboundStickerMessage: OutboundStickerMessage;
  OutboundTemplateButton: OutboundTemplateButton;
  OutboundTemplateHeader: OutboundTemplateHeader;
  OutboundTemplateHeaderInput: OutboundTemplateHeaderInput;
  OutboundTemplateMessage: OutboundTemplateMessage;
  OutboundTextMessage: OutboundTextMessage;
  OutboundVideoMessage: OutboundVideoMessage;
  PatientChannel: PatientChannel;
  PatientGroup: PatientGroup;
  PatientGroupChange: PatientGroupChange;
  PatientGroupPreview: PatientGroupPreview;
  PatientGroupPreviewRequest: PatientGroupPreviewRequest;
  Pharmacy: Pharmacy;
  PharmacyCarelineReach: PharmacyCarelineReach;
  PharmacyChange: PharmacyChange;
  PharmacyChannelReach: PharmacyChannelReach;
  PharmacyLinkCode: PharmacyLinkCode;
  PharmacyOrder: PharmacyOrder;
  PharmacyOrderResponse: PharmacyOrderResponse;
  Practitioner: Practitioner;
  PrescriptionOrder: PrescriptionOrder;
  PrescriptionOrderEvent: PrescriptionOrderEvent;
  PrescriptionOrderItem: PrescriptionOrderItem;
  PrescriptionOrderSummary: PrescriptionOrderSummary;
  Problem: Problem;
  RecoveryCodes: RecoveryCodes;
  RedFlag: RedFlag;
  RedFlagReport: RedFlagReport;
  RedFlagsReport: RedFlagsReport;
  ReminderFunnelReport: ReminderFunnelReport;
  ReminderPolicy: ReminderPolicy;
  ReminderPolicyChange: ReminderPolicyChange;
  ReminderReport: ReminderReport;
  ResponseTimesReport: ResponseTimesReport;
  RetentionPolicy: RetentionPolicy;
  SafetySettings: SafetySettings;
  Schedule: Schedule;
  SearchResults: SearchResults;
  SecondFactorRequired: SecondFactorRequired;
  SegmentDefinition: SegmentDefinition1;
  SignedIn: SignedIn;
  Slot: Slot;
  SmsSegments: SmsSegments;
  StaffConsent: StaffConsent;
  StaffConsentInput: StaffConsentInput;
  StaffMember: StaffMember;
  StaffMemberWithPassword: StaffMemberWithPassword;
  StaffPatch: StaffPatch;
  StockNotice: StockNotice;
  Team: Team;
  Template: Template;
  TemplateComponent: TemplateComponent;
  TwoFactorEnrolment: TwoFactorEnrolment;
  TwoFactorStatus: TwoFactorStatus;
  WebhookDelivery: WebhookDelivery;
  WebhookReplayRange: WebhookReplayRange;
  WebhookSubscription: WebhookSubscription;
  WebhookSubscriptionChange: WebhookSubscriptionChange;
  WebhookSubscriptionChangeInput: WebhookSubscriptionChangeInput;
  WebhookSubscriptionWithSecret: WebhookSubscriptionWithSecret;
}
export interface AccessSettings {
  /**
   * Agents and clinicians list, open, search and get live events only for conversations of their teams or assigned to them; supervisors and administrators still see all
   */
  agents_see_only_their_teams: boolean;
}
export interface ActiveSession {
  id: string;
  /**
   * The browser making this request
   */
  current: boolean;
  /**
   * When this session signed in
   */
  created_at: string;
  /**
   * Its latest request, to the minute
   */
  last_used_at: string;
  /**
   * When it ends unless used again
   */
  expires_at: string;
  /**
   * Browser family (Chrome, Firefox, Safari…); null when unknown
   */
  browser: string | null;
  /**
   * System family (Windows, macOS, iOS, Android…); null when unknown
   */
  os: string | null;
  /**
   * The network it signed in from, cut to /24 (IPv4) or /48 (IPv6); null when unknown
   */
  ip_prefix: string | null;
}
export interface Alert {
  id: string;
  /**
   * channel_token_invalid (replace the access token), inbound_not_stored (a delivery could not be stored: retry it), inbound_item_refused (a patient sent something Careline cannot read; the delivery is kept as received), line_quota_warning (80 % of a LINE account’s monthly push messages are used), webhook_subscription_disabled (a webhook receiver failed every attempt at an event for 3 days: fix it and turn the subscription on again)
   */
  kind: string;
  channel_account_id: string | null;
  /**
   * What happened, in words that quote nothing of the patient’s message
   */
  detail: string;
  /**
   * POST /alerts/{id}/retry has it done again
   */
  retryable: boolean;
  created_at: string;
  resolved_at: string | null;
}
export interface Appointment {
  id: string;
  status: 'proposed' | 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow';
  start: string;
  end: string;
  /**
   * Still only booked some minutes after its start (the reminder policy says how many)
   */
  late: boolean;
  /**
   * When the patient said they will come
   */
  confirmed_at: string | null;
  source: 'chat' | 'staff' | 'api';
  reason: string | null;
  contact: {
    id: string;
    name: string | null;
  };
  practitioner: {
    id: string;
    name: string;
  };
  location: {
    id: string;
    name: string;
    address: string | null;
    time_zone: string;
  };
  type: {
    id: string;
    key: string;
    name: {
      fr: string;
      en: string;
    };
  } | null;
  conversation_id: string | null;
  cancelled_at: string | null;
  cancelled_by: ('patient' | 'staff') | null;
  /**
   * The appointment this one replaced
   */
  rescheduled_from_id: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}
export interface AppointmentMove {
  start: string;
  practitioner_id?: string;
  location_id?: string;
}
export interface AppointmentReminders {
  data: {
    id: string;
    /**
     * How long before the appointment
     */
    offset_minutes: number;
    due_at: string;
    status: 'scheduled' | 'sent' | 'skipped' | 'cancelled' | 'failed';
    /**
     * Why it was skipped or failed: no_consent (agreed on no channel), no_channel (agreed, but on no channel the clinic can reach the patient on), channel_window_closed (held: the channels agreed on allowed nothing automated then — Messenger, Instagram past their 24-hour window), line_quota_reached (held: the LINE account’s monthly push quota would be exceeded), template_unavailable, not_on_whatsapp (failed after it fell back once), appointment_passed, appointment_not_booked, reminders_off, message_refused…
     */
    reason: string | null;
    /**
     * Where it went, once sent
     */
    channel: ('whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms') | null;
    /**
     * The clinic’s first channel, when it could not carry the reminder and the next one did
     */
    fallback_from: ('whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms') | null;
    /**
     * Why the first channel could not: no_channel (no id of the patient there), no_consent, channel_window_closed, template_unavailable (paused, rejected or missing), not_on_whatsapp (Meta’s 131026 after the send), line_quota_reached
     */
    fallback_reason: string | null;
    sent_at: string | null;
    /**
     * What the patient answered to it
     */
    response: ('confirmed' | 'cancelled' | 'reschedule') | null;
    responded_at: string | null;
  }[];
}
export interface AppointmentType {
  id: string;
  key: string;
  name: {
    fr: string;
    en: string;
  };
  duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  minimum_notice_minutes: number;
  horizon_days: number;
  slot_step_minutes: number;
  /**
   * Who offers it; empty: every active practitioner
   */
  practitioner_ids: string[];
  active: boolean;
  created_at: string;
}
export interface AuditEvent {
  resourceType: 'AuditEvent';
  /**
   * The record’s seq in its clinic’s chain
   */
  id: string;
  /**
   * rest (read or search through the API or web app) or export
   */
  type: {
    code: string;
  };
  /**
   * read, search, download, access-report
   */
  subtype: {
    code: string;
  }[];
  action: 'C' | 'R' | 'U' | 'D' | 'E';
  recorded: string;
  /**
   * 0: success
   */
  outcome: string;
  agent: {
    /**
     * Practitioner/{user id} or Device/{API key id}
     */
    who: {
      reference: string;
      display?: string;
    };
    role: {
      text: string;
    }[];
    requestor: boolean;
    network: {
      address: string;
      type: '2';
    };
    purposeOfUse?: {
      text: string;
    }[];
  }[];
  entity: {
    what: {
      reference: string;
      display?: string;
    };
    /**
     * A search’s words, base64 (UTF-8); shown to administrators only
     */
    query?: string;
  }[];
  chain: {
    seq: number;
    prev_hash: string;
    hash: string;
  };
}
export interface AutomationSession {
  session_id: string;
  status: string;
}
export interface AvailabilityQuery {
  /**
   * @minItems 1
   */
  schedules: {
    practitionerId: string;
    locationId: string;
    timeZone: string;
    hours: {
      day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
      start: string;
      end: string;
    }[];
    breaks: {
      day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
      start: string;
      end: string;
    }[];
    exceptions: (
      | {
          kind: 'closed';
          date: string;
          reason?: string;
        }
      | {
          kind: 'hours';
          date: string;
          /**
           * @minItems 1
           * @maxItems 48
           */
          hours: {
            start: string;
            end: string;
          }[];
          reason?: string;
        }
    )[];
    validFrom?: string;
    validTo?: string;
  }[];
  appointmentType: {
    durationMinutes: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
  };
  busy: {
    start: string;
    end: string;
    practitionerId?: string;
  }[];
  now: string;
  minimumNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
  from?: string;
  to?: string;
  limit?: number;
}
export interface AvailabilityQueryInput {
  /**
   * @minItems 1
   */
  schedules: {
    practitionerId: string;
    locationId: string;
    timeZone: string;
    hours: {
      day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
      start: string;
      end: string;
    }[];
    breaks?: {
      day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
      start: string;
      end: string;
    }[];
    exceptions?: (
      | {
          kind: 'closed';
          date: string;
          reason?: string;
        }
      | {
          kind: 'hours';
          date: string;
          /**
           * @minItems 1
           * @maxItems 48
           */
          hours: {
            start: string;
            end: string;
          }[];
          reason?: string;
        }
    )[];
    validFrom?: string;
    validTo?: string;
  }[];
  appointmentType: {
    durationMinutes: number;
    bufferBeforeMinutes?: number;
    bufferAfterMinutes?: number;
  };
  busy?: {
    start: string;
    end: string;
    practitionerId?: string;
  }[];
  now: string;
  minimumNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
  from?: string;
  to?: string;
  limit?: number;
}
export interface Broadcast {
  id: string;
  name: string;
  group_id: string;
  status: 'scheduled' | 'sending' | 'completed' | 'cancelled';
  send_at: string;
  content: {
    fr?: {
      text?: string;
      template?: {
        name: string;
        language: string;
        parameters: string[];
      };
    };
    en?: {
      text?: string;
      template?: {
        name: string;
        language: string;
        parameters: string[];
      };
    };
  };
  default_language: 'fr' | 'en';
  quiet_hours: {
    start: string;
    end: string;
  };
  created_by_user_id: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
}
export interface BroadcastRecipient {
  id: string;
  contact_id: string;
  contact_name: string | null;
  channel: string | null;
  state: 'pending' | 'skipped' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
  /**
   * Skipped: why (no_consent, opted_out, no_channel…); failed: the channel’s reason
   */
  reason: string | null;
  error_code: number | null;
  conversation_id: string | null;
  message_id: string | null;
}
export interface BroadcastReport {
  /**
   * Patients of the group taken in so far
   */
  targeted: number;
  /**
   * Waiting for their turn (or the end of their quiet hours)
   */
  pending: number;
  skipped: {
    total: number;
    /**
     * Why: no_consent, opted_out, no_channel, window_closed, template_unavailable, refused, cancelled
     */
    by_reason: {
      [k: string]: number | undefined;
    };
  };
  /**
   * In the outbox, not yet taken by the channel
   */
  queued: number;
  /**
   * Taken by the channel (delivered and read included)
   */
  sent: number;
  /**
   * Delivered (read included)
   */
  delivered: number;
  read: number;
  failed: {
    total: number;
    by_error: {
      code: number | null;
      reason: string | null;
      count: number;
    }[];
  };
  /**
   * Patients who wrote in that conversation after the broadcast
   */
  replied: number;
  /**
   * Patients who withdrew health information on that channel after the broadcast
   */
  opted_out: number;
}
export interface BroadcastWithReport {
  id: string;
  name: string;
  group_id: string;
  status: 'scheduled' | 'sending' | 'completed' | 'cancelled';
  send_at: string;
  content: {
    fr?: {
      text?: string;
      template?: {
        name: string;
        language: string;
        parameters: string[];
      };
    };
    en?: {
      text?: string;
      template?: {
        name: string;
        language: string;
        parameters: string[];
      };
    };
  };
  default_language: 'fr' | 'en';
  quiet_hours: {
    start: string;
    end: string;
  };
  created_by_user_id: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  report: BroadcastReport;
}
export interface CannedReply {
  id: string;
  shortcut: string;
  text: string;
  /**
   * BCP 47; null for any language
   */
  language: string | null;
  created_by_user_id: string | null;
  created_at: string;
}
export interface CareGroup {
  id: string;
  channel_account_id: string;
  subject: string;
  description: string | null;
  /**
   * creating until WhatsApp confirms the group (and gives its invite link)
   */
  status: 'creating' | 'active' | 'failed' | 'deleted';
  invite_link: string | null;
  failure: string | null;
  participants: {
    id: string;
    /**
     * The patient record, when the participant is one
     */
    contact_id: string | null;
    wa_id: string | null;
    /**
     * Their WhatsApp profile name, when they wrote
     */
    name: string | null;
    status: 'joined' | 'left' | 'removed';
    joined_at: string;
    left_at: string | null;
  }[];
  max_participants: number;
  created_at: string;
}
export interface CareGroupAvailability {
  channel_account_id: string;
  name: string;
  available: boolean;
  /**
   * Why WhatsApp refuses groups on this number
   */
  reason: string | null;
}
export interface CareGroupMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  participant_id: string | null;
  sent_by_user_id: string | null;
  type: string;
  text: string | null;
  status: string;
  error_code: number | null;
  error_title: string | null;
  /**
   * The red-flag screening’s category for a participant’s message
   */
  red_flag: string | null;
  occurred_at: string;
}
export interface Channel {
  id: string;
  type: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  name: string;
  /**
   * The provider’s id: WhatsApp phone number id, Telegram bot id, Page id, Instagram account id
   */
  external_id: string;
  /**
   * cannot_send: Careline has no sender for this channel yet; messages cannot go out on it
   */
  state: 'active' | 'cannot_send';
  /**
   * Where the provider must deliver this account’s events (null: no webhook route yet)
   */
  webhook_url: string | null;
  capabilities: ChannelCapabilities | null;
  window: ChannelWindow | null;
  /**
   * The number patients write to, when known
   */
  display_phone_number: string | null;
  /**
   * New conversations of this number go to this team, which assigns them as its mode says
   */
  default_team: {
    id: string;
    name: string;
  } | null;
}
export interface ChannelCapabilities {
  textLength: number;
  captionLength: number;
  buttons: {
    max: number;
    titleLength: number;
    idLength: number;
  } | null;
  list: {
    sections: number;
    rows: number;
    rowTitleLength: number;
    rowDescriptionLength: number;
  } | null;
  quickReplies: {
    max: number;
    titleLength: number;
    idLength: number;
  } | null;
  carousel: boolean;
  media: {
    [k: string]:
      | {
          maxBytes: number;
          mimeTypes: string[] | null;
        }
      | undefined;
  };
  reactions: boolean;
  readReceipts: boolean;
  edits: boolean;
  templates: boolean;
  outboundTypes: string[];
}
export interface ChannelLimits {
  channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  /**
   * At most this many characters (code points, as the provider counts them)
   */
  text_length: number;
  /**
   * A photo’s, video’s or document’s caption
   */
  caption_length: number;
  interactive: {
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    body_length: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    footer_length: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    header_text_length: number;
  };
  buttons: {
    min: number;
    max: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    title_length: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    id_length: number;
  };
  list: {
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    button_label_length: number;
    sections: number;
    /**
     * Rows in all sections together
     */
    rows: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    section_title_length: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    row_id_length: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    row_title_length: number;
    /**
     * At most this many characters (code points, as the provider counts them)
     */
    row_description_length: number;
  };
  /**
   * At most this many characters (code points, as the provider counts them)
   */
  cta_display_text_length: number;
  /**
   * The files the channel carries, by kind, and how large
   */
  media: {
    kind: 'image' | 'sticker' | 'audio' | 'video' | 'document';
    mime_types: string[];
    max_bytes: number;
  }[];
}
export interface ChannelPatch {
  name?: string;
  /**
   * Settings to change (the others are kept), as the channel type names them
   */
  settings?: {
    [k: string]: string | number | boolean | undefined;
  };
  /**
   * The whole set of secrets of the channel type, replacing the stored one
   */
  secrets?: {
    [k: string]: string | undefined;
  };
  /**
   * null: new conversations go to no team
   */
  default_team_id?: string | null;
}
export interface ConsentRecord {
  id: string;
  channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  purpose: 'appointment_reminders' | 'health_information' | 'pharmacy_notifications' | 'marketing';
  granted: boolean;
  method: 'chat' | 'keyword' | 'staff' | 'api';
  /**
   * The question or keyword exactly as the patient saw or typed it
   */
  text_shown: string;
  /**
   * The patient’s message that gave or withdrew it
   */
  message_id: string | null;
  recorded_by_user_id: string | null;
  recorded_at: string;
}
export interface Contact {
  id: string;
  display_name: string | null;
  /**
   * E.164
   */
  phone: string | null;
  /**
   * BCP 47 (fr, en-GB): the language to answer in
   */
  language: string | null;
  tags: string[];
  custom_fields: {
    [k: string]: string | undefined;
  };
  identities: {
    channel: string;
    /**
     * The channel’s id for the person (a WhatsApp number’s digits, a Telegram user id, a page-scoped id)
     */
    external_id: string | null;
    phone: string | null;
    /**
     * A second id scoped to the business, where the channel gives one (WhatsApp’s business-scoped user id)
     */
    scoped_id: string | null;
    username: string | null;
    profile_name: string | null;
  }[];
  created_at: string;
}
export interface ContactConsents {
  current: {
    channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
    purpose: 'appointment_reminders' | 'health_information' | 'pharmacy_notifications' | 'marketing';
    state: 'granted' | 'withdrawn' | 'unknown';
    record: ConsentRecord | null;
  }[];
  /**
   * Every agreement and withdrawal, newest first
   */
  history: ConsentRecord[];
}
export interface ContactMerge {
  id: string;
  survivor: {
    id: string;
    display_name: string | null;
  };
  merged: {
    id: string;
    display_name: string | null;
  };
  merged_at: string;
  merged_by: {
    user_id: string | null;
    api_key_id: string | null;
  };
  /**
   * Which record each conflicting field came from
   */
  field_choices: {
    [k: string]: string | undefined;
  };
  moved: {
    identities: number;
    conversations: number;
    appointments: number;
    consents: number;
    prescription_orders: number;
  };
  unmerged_at: string | null;
  unmerged_by: {
    user_id: string | null;
    api_key_id: string | null;
  } | null;
}
export interface ContactMergeRequest {
  /**
   * The record merged into this one (then hidden)
   */
  other_id: string;
  /**
   * For each field both records fill differently, which record’s value to keep
   */
  fields: {
    display_name?: 'survivor' | 'merged';
    phone?: 'survivor' | 'merged';
    language?: 'survivor' | 'merged';
    custom_fields?: {
      [k: string]: 'survivor' | 'merged' | undefined;
    };
  };
}
export interface ContactMergeRequestInput {
  /**
   * The record merged into this one (then hidden)
   */
  other_id: string;
  /**
   * For each field both records fill differently, which record’s value to keep
   */
  fields?: {
    display_name?: 'survivor' | 'merged';
    phone?: 'survivor' | 'merged';
    language?: 'survivor' | 'merged';
    custom_fields?: {
      [k: string]: 'survivor' | 'merged' | undefined;
    };
  };
}
export interface ContactPanel {
  id: string;
  display_name: string | null;
  /**
   * E.164
   */
  phone: string | null;
  /**
   * BCP 47 (fr, en-GB): the language to answer in
   */
  language: string | null;
  tags: string[];
  custom_fields: {
    [k: string]: string | undefined;
  };
  identities: {
    channel: string;
    /**
     * The channel’s id for the person (a WhatsApp number’s digits, a Telegram user id, a page-scoped id)
     */
    external_id: string | null;
    phone: string | null;
    /**
     * A second id scoped to the business, where the channel gives one (WhatsApp’s business-scoped user id)
     */
    scoped_id: string | null;
    username: string | null;
    profile_name: string | null;
  }[];
  created_at: string;
  /**
   * The patient’s conversations, most recent first (at most 50)
   */
  conversations: {
    id: string;
    status: 'open' | 'pending' | 'closed';
    last_message_at: string;
  }[];
}
export interface ContactPatch {
  display_name?: string | null;
  language?: string | null;
  /**
   * @maxItems 20
   */
  tags?: string[];
  custom_fields?: {
    [k: string]: string | undefined;
  };
}
export interface ContactRef {
  id: string;
  display_name: string | null;
  phone: string | null;
}
export interface ContactSummary {
  id: string;
  display_name: string | null;
  phone: string | null;
  channels: string[];
  created_at: string;
}
export interface Conversation {
  id: string;
  contact_id: string;
  channel_account_id: string;
  status: 'open' | 'pending' | 'closed';
  last_message_at: string;
  /**
   * The patient’s last message: the channel’s window (`window`) runs from here
   */
  last_inbound_at: string | null;
  created_at: string;
  closed_at: string | null;
  channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  contact: {
    id: string;
    display_name: string | null;
    phone: string | null;
  };
  assignee: {
    id: string;
    name: string | null;
  } | null;
  team: {
    id: string;
    name: string | null;
  } | null;
  /**
   * Patient messages nobody has read yet (reset by POST …/read)
   */
  unread_count: number;
  /**
   * Since when the patient waits for an answer; null once the clinic replied
   */
  waiting_since: string | null;
  /**
   * A red flag was raised in this conversation
   */
  urgent: boolean;
  /**
   * Since when an alert waits for a person to acknowledge it (the conversation is pinned first)
   */
  urgent_since: string | null;
  /**
   * The latest red flag of an urgent conversation
   */
  red_flag: {
    id: string;
    /**
     * The most urgent sign found, e.g. chest_pain, suicidal_thoughts
     */
    category: string;
    /**
     * The patient's own words that raised it
     */
    words: string;
    raised_at: string;
    acknowledged_at: string | null;
    acknowledged_by: {
      id: string;
      name: string | null;
    } | null;
  } | null;
  window: ConversationWindow;
  /**
   * The latest message exchanged with the patient (internal notes excluded)
   */
  last_message: Message | null;
  /**
   * The flow talking with the patient (running), or waiting for the care team to hand back (paused)
   */
  automation: {
    flow_key: string;
    status: 'running' | 'paused';
    /**
     * Why it is paused: agent_replied…
     */
    reason: string | null;
    started_at: string;
  } | null;
}
/**
 * What the channel’s window lets the clinic send now, and until when
 */
export interface ConversationWindow {
  /**
   * The channel’s rule once its window closes: none — no window (Telegram); templates — approved templates only (WhatsApp, 24 h); human_agent_tag — a person’s reply only, sent tagged HUMAN_AGENT, until `human_reply_until`, nothing automated (Messenger, Instagram: 24 h, then 7 days after the patient’s last message); nothing — nothing until the patient writes
   */
  policy: 'none' | 'templates' | 'human_agent_tag' | 'nothing';
  /**
   * Any message may be sent now, automated ones included
   */
  open: boolean;
  /**
   * When the window closes (or closed); null without a window or before the patient wrote
   */
  closes_at: string | null;
  /**
   * human_agent_tag: until when a person’s reply can still be sent; null otherwise
   */
  human_reply_until: string | null;
  /**
   * What can be sent now: anything; approved templates only; a reply written by a signed-in member of the care team only (not automation, not an API key); nothing until the patient writes
   */
  allows: 'anything' | 'templates' | 'person_reply' | 'nothing';
}
export interface Message {
  id: string;
  conversation_id: string;
  /**
   * The clinic’s channel account it came or went on (a patient’s timeline spans their channels)
   */
  channel_account_id: string;
  /**
   * `note`: an internal note of the care team, never sent to the patient
   */
  direction: 'inbound' | 'outbound' | 'note';
  /**
   * text, image, audio, voice, document, location, button_reply, ...
   */
  type: string;
  text: string | null;
  /**
   * Channel-neutral details (location, contacts, reply…)
   */
  content: MessageContent | null;
  status:
    | 'received'
    | 'queued'
    | 'sending'
    | 'accepted'
    | 'sent'
    | 'delivered'
    | 'read'
    | 'played'
    | 'failed'
    | 'refused';
  status_at: string;
  /**
   * Why a message failed, as the provider said it (or, refused by the window, the rule)
   */
  error: {
    code: number | null;
    title: string | null;
    detail: string | null;
  } | null;
  /**
   * Why Careline refused or gave up: window_closed (outside what the channel’s window allows: `error.title` names the rule), template_invalid, ...
   */
  failure_reason: string | null;
  reactions: {
    direction: 'inbound' | 'outbound' | 'note';
    emoji: string;
    reacted_at: string;
  }[];
  /**
   * Files of this message; download them at /api/v1/media/{id}
   */
  media: Media[];
  edited_at: string | null;
  /**
   * The patient deleted it: its text is erased
   */
  deleted_at: string | null;
  /**
   * The clinic’s retention policy erased its text and details (its files may remain)
   */
  retention_erased_at: string | null;
  /**
   * The channel’s id (WhatsApp wamid)
   */
  external_id: string | null;
  reply_to_external_id: string | null;
  /**
   * Written by an automation flow
   */
  automated: boolean;
  /**
   * A medical note (intake summary, or marked medical): only roles with medical.read get it
   */
  medical: boolean;
  /**
   * The member of the care team who wrote it (notes, replies); null for the patient or an API key
   */
  author: {
    id: string;
    name: string | null;
  } | null;
  occurred_at: string;
}
export interface MessageContent {
  /**
   * The parts of a patient’s message the database refused and Careline left out (profile_name, username, media, reply_to, details), and message_id when the channel’s id for it was unusable and one of Careline’s stands in for it
   */
  omitted?: string[];
  location?: {
    latitude: number;
    longitude: number;
    name?: string | null;
    address?: string | null;
    [k: string]: unknown | undefined;
  };
  contacts?: {
    name: string | null;
    phones?: {
      phone?: string | null;
      waId?: string | null;
      type?: string | null;
      [k: string]: unknown | undefined;
    }[];
    [k: string]: unknown | undefined;
  }[];
  reply?: {
    id: string;
    title: string | null;
    description?: string | null;
    [k: string]: unknown | undefined;
  };
  outbound?: {
    type?: string;
    body?: string;
    buttons?: {
      id: string;
      title: string;
      [k: string]: unknown | undefined;
    }[];
    buttonLabel?: string;
    sections?: {
      title?: string;
      rows: {
        id: string;
        title: string;
        description?: string;
        [k: string]: unknown | undefined;
      }[];
      [k: string]: unknown | undefined;
    }[];
    displayText?: string;
    url?: string;
    name?: string;
    language?: string;
    components?: {
      body?:
        | string[]
        | {
            [k: string]: string | undefined;
          };
      [k: string]: unknown | undefined;
    };
    caption?: string;
    fileName?: string;
    [k: string]: unknown | undefined;
  };
  [k: string]: unknown | undefined;
}
export interface Media {
  id: string;
  kind: string;
  status: 'pending' | 'stored' | 'failed';
  mime_type: string | null;
  file_name: string | null;
  size: number | null;
  sha256: string | null;
  error: string | null;
}
export interface ConversationCounts {
  /**
   * Null for API keys: they have no conversations of their own
   */
  mine: number | null;
  unassigned: number;
  all: number;
  /**
   * Unread patient messages over all open conversations
   */
  unread: number;
  /**
   * Open conversations with a red flag nobody acknowledged yet
   */
  urgent: number;
}
export interface CsatReport {
  from: string;
  to: string;
  team_id: string | null;
  count: number;
  /**
   * Mean rating, 1–5, rounded to two decimals
   */
  average: number | null;
  /**
   * Answers per rating, "1" to "5"
   */
  distribution: {
    [k: string]: number | undefined;
  };
  bucket: 'day' | 'week';
  trend: {
    /**
     * First day of the day or week, on the clinic’s clock
     */
    start: string;
    count: number;
    average: number;
  }[];
  /**
   * The latest 10 comments of the period, newest first
   */
  comments: {
    id: string;
    contact_id: string;
    conversation_id: string;
    rating: number;
    comment: string;
    created_at: string;
  }[];
}
export interface CsatSummary {
  count: number;
  /**
   * Mean rating, 1–5, rounded to two decimals
   */
  average: number | null;
  /**
   * Answers per rating, "1" to "5"
   */
  distribution: {
    [k: string]: number | undefined;
  };
}
export interface DuplicateSuggestion {
  /**
   * The two records, older first
   */
  contacts: ContactSummary[];
  /**
   * Why they look like one person: the same phone number, a contact card one shared with the other’s number, the same e-mail, or the same name and birth date
   */
  reasons: ('phone' | 'shared_contact' | 'email' | 'name_birth_date')[];
}
export interface Erasure {
  /**
   * A random reference to quote; it says nothing of who was erased
   */
  reference: string;
  erased_at: string;
  /**
   * Who erased: a member of staff or an API key
   */
  erased_by: {
    user_id: string | null;
    api_key_id: string | null;
    name: string | null;
  };
  /**
   * How many rows or files of each kind went
   */
  removed: {
    [k: string]: number | undefined;
  };
}
export interface ExportRun {
  id: string;
  day: string;
  dataset: string;
  object_key: string;
  trigger: 'schedule' | 'manual';
  status: 'done' | 'failed';
  rows: number;
  bytes: number;
  attempts: number;
  error: string | null;
  started_at: string;
  finished_at: string;
}
export interface ExportSchedule {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  access_key_id: string;
  /**
   * The secret is stored (sealed); it is never shown
   */
  secret_access_key_set: true;
  datasets: string[];
  format: 'csv' | 'ndjson';
  hour: number;
  enabled: boolean;
  next_run_at: string | null;
  updated_at: string;
}
export interface FhirConnection {
  /**
   * The FHIR R4 base URL of the clinic’s EHR
   */
  base_url: string;
  auth_kind: 'bearer' | 'smart';
  client_id: string | null;
  scope: string;
  enabled: boolean;
  import_interval_minutes: number;
  /**
   * A bearer token is stored (it is never shown again)
   */
  has_bearer_token: boolean;
  /**
   * The public key(s) to register in the EHR for SMART Backend Services (private_key_jwt)
   */
  jwks: {
    keys: {
      [k: string]: unknown | undefined;
    }[];
  };
  updated_at: string;
}
export interface FhirSyncLogEntry {
  id: number;
  run_id: string | null;
  direction: 'import' | 'write_back';
  resource_type: string;
  local_id: string | null;
  remote_id: string | null;
  outcome:
    | 'created'
    | 'updated'
    | 'linked'
    | 'unchanged'
    | 'ambiguous'
    | 'conflict'
    | 'skipped'
    | 'failed'
    | 'retrying';
  http_status: number | null;
  message: string | null;
  created_at: string;
}
export interface Flow {
  key: string;
  name: {
    fr: string;
    en: string;
  };
  description: {
    fr: string;
    en: string;
  } | null;
  enabled: boolean;
  triggers: (
    | {
        kind: 'keyword';
        match: 'exact' | 'contains';
        words: {
          /**
           * @maxItems 50
           */
          fr: string[];
          /**
           * @maxItems 50
           */
          en: string[];
        };
      }
    | {
        kind: 'new_conversation';
      }
    | {
        kind: 'outside_business_hours';
      }
    | {
        kind: 'conversation_closed';
      }
    | {
        kind: 'api';
      }
    | {
        kind: 'flow';
      }
  )[];
  /**
   * Lower wins when several flows’ triggers match
   */
  priority: number;
  once_per_contact: boolean;
  /**
   * The version new sessions start on
   */
  version: number;
  /**
   * The built-in flow it was installed from
   */
  built_in: string | null;
  /**
   * The steps, as the flow engine runs them
   */
  definition: {
    [k: string]: unknown | undefined;
  };
  updated_at: string;
}
export interface FlowDetails {
  key: string;
  name: {
    fr: string;
    en: string;
  };
  description: {
    fr: string;
    en: string;
  } | null;
  enabled: boolean;
  triggers: (
    | {
        kind: 'keyword';
        match: 'exact' | 'contains';
        words: {
          /**
           * @maxItems 50
           */
          fr: string[];
          /**
           * @maxItems 50
           */
          en: string[];
        };
      }
    | {
        kind: 'new_conversation';
      }
    | {
        kind: 'outside_business_hours';
      }
    | {
        kind: 'conversation_closed';
      }
    | {
        kind: 'api';
      }
    | {
        kind: 'flow';
      }
  )[];
  /**
   * Lower wins when several flows’ triggers match
   */
  priority: number;
  once_per_contact: boolean;
  /**
   * The version new sessions start on
   */
  version: number;
  /**
   * The built-in flow it was installed from
   */
  built_in: string | null;
  /**
   * The steps, as the flow engine runs them
   */
  definition: {
    [k: string]: unknown | undefined;
  };
  updated_at: string;
  versions: {
    version: number;
    created_at: string;
    created_by: string | null;
  }[];
}
export interface FlowDetailsInput {
  key: string;
  name: {
    fr: string;
    en: string;
  };
  description: {
    fr: string;
    en: string;
  } | null;
  enabled: boolean;
  triggers: (
    | {
        kind: 'keyword';
        match: 'exact' | 'contains';
        words: {
          /**
           * @maxItems 50
           */
          fr?: string[];
          /**
           * @maxItems 50
           */
          en?: string[];
        };
      }
    | {
        kind: 'new_conversation';
      }
    | {
        kind: 'outside_business_hours';
      }
    | {
        kind: 'conversation_closed';
      }
    | {
        kind: 'api';
      }
    | {
        kind: 'flow';
      }
  )[];
  /**
   * Lower wins when several flows’ triggers match
   */
  priority: number;
  once_per_contact: boolean;
  /**
   * The version new sessions start on
   */
  version: number;
  /**
   * The built-in flow it was installed from
   */
  built_in: string | null;
  /**
   * The steps, as the flow engine runs them
   */
  definition: {
    [k: string]: unknown | undefined;
  };
  updated_at: string;
  versions: {
    version: number;
    created_at: string;
    created_by: string | null;
  }[];
}
export interface FlowInput {
  key: string;
  name: {
    fr: string;
    en: string;
  };
  description: {
    fr: string;
    en: string;
  } | null;
  enabled: boolean;
  triggers: (
    | {
        kind: 'keyword';
        match: 'exact' | 'contains';
        words: {
          /**
           * @maxItems 50
           */
          fr?: string[];
          /**
           * @maxItems 50
           */
          en?: string[];
        };
      }
    | {
        kind: 'new_conversation';
      }
    | {
        kind: 'outside_business_hours';
      }
    | {
        kind: 'conversation_closed';
      }
    | {
        kind: 'api';
      }
    | {
        kind: 'flow';
      }
  )[];
  /**
   * Lower wins when several flows’ triggers match
   */
  priority: number;
  once_per_contact: boolean;
  /**
   * The version new sessions start on
   */
  version: number;
  /**
   * The built-in flow it was installed from
   */
  built_in: string | null;
  /**
   * The steps, as the flow engine runs them
   */
  definition: {
    [k: string]: unknown | undefined;
  };
  updated_at: string;
}
export interface GroupMembersChange {
  /**
   * @minItems 1
   * @maxItems 500
   */
  contact_ids: string[];
}
export interface GroupPatient {
  id: string;
  display_name: string | null;
  /**
   * The number with its middle digits hidden: +336••••••78
   */
  phone_masked: string | null;
}
export interface Location {
  id: string;
  name: string;
  address: string | null;
  time_zone: string;
  created_at: string;
}
export interface LockedProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: {
    field: string;
    message: string;
  }[];
  /**
   * When sign-ins are possible again from browsers that never signed in to this account
   */
  locked_until: string;
}
export interface MergePreview {
  survivor: {
    contact: {
      id: string;
      display_name: string | null;
      phone: string | null;
      channels: string[];
      created_at: string;
      language: string | null;
      tags: string[];
      custom_fields: {
        [k: string]: string | undefined;
      };
    };
    counts: {
      identities: number;
      conversations: number;
      appointments: number;
      consents: number;
    };
  };
  merged: {
    contact: {
      id: string;
      display_name: string | null;
      phone: string | null;
      channels: string[];
      created_at: string;
      language: string | null;
      tags: string[];
      custom_fields: {
        [k: string]: string | undefined;
      };
    };
    counts: {
      identities: number;
      conversations: number;
      appointments: number;
      consents: number;
    };
  };
  /**
   * Fields both records fill differently: choose one side for each in the merge
   */
  conflicts: {
    field: string;
    survivor: string;
    merged: string;
  }[];
}
export interface MessageVolumeReport {
  from: string;
  to: string;
  team_id: string | null;
  /**
   * The clinic’s time zone, in which hours are counted
   */
  time_zone: string;
  total: {
    inbound: number;
    outbound: number;
  };
  by_channel: {
    channel: string;
    inbound: number;
    outbound: number;
  }[];
  /**
   * 24 rows, 0 to 23
   */
  by_hour: {
    hour: number;
    inbound: number;
    outbound: number;
  }[];
}
export interface NewAppointment {
  contact_id: string;
  practitioner_id: string;
  location_id: string;
  appointment_type_id: string;
  start: string;
  reason?: string;
  conversation_id?: string;
}
export interface NewBroadcast {
  name: string;
  group_id: string;
  content: {
    fr?: {
      /**
       * The message on every channel (WhatsApp: inside its 24-hour window); {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
       */
      text?: string;
      /**
       * An approved WhatsApp template (UTILITY): how the message goes outside the 24-hour window
       */
      template?: {
        name: string;
        language: string;
        /**
         * The body’s values in order; {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
         *
         * @maxItems 20
         */
        parameters: string[];
      };
    };
    en?: {
      /**
       * The message on every channel (WhatsApp: inside its 24-hour window); {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
       */
      text?: string;
      /**
       * An approved WhatsApp template (UTILITY): how the message goes outside the 24-hour window
       */
      template?: {
        name: string;
        language: string;
        /**
         * The body’s values in order; {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
         *
         * @maxItems 20
         */
        parameters: string[];
      };
    };
  };
  default_language: 'fr' | 'en';
  /**
   * When to send; absent: now
   */
  send_at?: string;
  /**
   * Nothing goes between these times on each patient’s own clock; default 20:00–08:00
   */
  quiet_hours?: {
    start: string;
    end: string;
  };
}
export interface NewBroadcastInput {
  name: string;
  group_id: string;
  content: {
    fr?: {
      /**
       * The message on every channel (WhatsApp: inside its 24-hour window); {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
       */
      text?: string;
      /**
       * An approved WhatsApp template (UTILITY): how the message goes outside the 24-hour window
       */
      template?: {
        name: string;
        language: string;
        /**
         * The body’s values in order; {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
         *
         * @maxItems 20
         */
        parameters?: string[];
      };
    };
    en?: {
      /**
       * The message on every channel (WhatsApp: inside its 24-hour window); {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
       */
      text?: string;
      /**
       * An approved WhatsApp template (UTILITY): how the message goes outside the 24-hour window
       */
      template?: {
        name: string;
        language: string;
        /**
         * The body’s values in order; {{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient
         *
         * @maxItems 20
         */
        parameters?: string[];
      };
    };
  };
  default_language?: 'fr' | 'en';
  /**
   * When to send; absent: now
   */
  send_at?: string;
  /**
   * Nothing goes between these times on each patient’s own clock; default 20:00–08:00
   */
  quiet_hours?: {
    start: string;
    end: string;
  };
}
export interface NewCannedReply {
  shortcut: string;
  text: string;
  language?: string | null;
}
export interface NewCareGroup {
  channel_account_id: string;
  subject: string;
  description?: string;
}
export interface NewCareGroupMessage {
  type: string;
  text?: string;
  name?: string;
  language?: string;
  /**
   * @maxItems 100
   */
  parameters?: string[];
  [k: string]: unknown | undefined;
}
export interface NewPatientGroup {
  name: string;
  description?: string | null;
  kind: 'static' | 'dynamic';
  definition?: SegmentDefinition;
}
/**
 * Required for a dynamic group; not for a static one
 */
export interface SegmentDefinition {
  /**
   * all: every rule holds; any: at least one does
   */
  match: 'all' | 'any';
  /**
   * @minItems 1
   * @maxItems 30
   */
  rules: (
    | {
        type: 'tag';
        /**
         * Whether the patient has the tag, or has not
         */
        op: 'has' | 'has_not';
        /**
         * The tag, as shown on the patient (case does not matter)
         */
        tag: string;
      }
    | {
        type: 'custom_field';
        /**
         * The custom field’s name (case does not matter)
         */
        key: string;
        op: 'equals' | 'contains' | 'is_set';
        /**
         * What the value equals or contains (case and accents do not matter); not for is_set
         */
        value?: string;
      }
    | {
        type: 'age';
        /**
         * At least this many years old
         */
        min?: number;
        /**
         * At most this many years old
         */
        max?: number;
      }
    | {
        type: 'language';
        /**
         * The patient’s language; fr also matches fr-CA. Patients without one have the clinic’s
         */
        language: string;
      }
    | {
        type: 'channel';
        /**
         * Patients Careline can reach on this channel
         */
        channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
      }
    | {
        type: 'appointment';
        /**
         * With this practitioner; any when left out
         */
        practitioner_id?: string;
        /**
         * Of this appointment type; any when left out
         */
        appointment_type_id?: string;
        /**
         * When, on the clinic’s calendar: weeks start on Monday; `dates` takes from and to
         */
        window: 'next_7_days' | 'this_week' | 'next_week' | 'next_30_days' | 'dates';
        /**
         * A date, YYYY-MM-DD, on the clinic’s calendar
         */
        from?: string;
        /**
         * A date, YYYY-MM-DD, on the clinic’s calendar
         */
        to?: string;
      }
    | {
        type: 'no_show';
        /**
         * Missed an appointment in the last this many months
         */
        months: number;
      }
    | {
        type: 'intake_complaint';
        /**
         * Words of the complaint the patient gave (case and accents do not matter)
         */
        contains: string;
        /**
         * The intake flow; symptom_intake when left out
         */
        flow_key?: string;
        /**
         * Answered in the last this many months
         */
        months?: number;
      }
    | {
        type: 'group';
        /**
         * all: every rule holds; any: at least one does
         */
        match: 'all' | 'any';
        /**
         * @minItems 1
         * @maxItems 20
         */
        rules: (
          | {
              type: 'tag';
              /**
               * Whether the patient has the tag, or has not
               */
              op: 'has' | 'has_not';
              /**
               * The tag, as shown on the patient (case does not matter)
               */
              tag: string;
            }
          | {
              type: 'custom_field';
              /**
               * The custom field’s name (case does not matter)
               */
              key: string;
              op: 'equals' | 'contains' | 'is_set';
              /**
               * What the value equals or contains (case and accents do not matter); not for is_set
               */
              value?: string;
            }
          | {
              type: 'age';
              /**
               * At least this many years old
               */
              min?: number;
              /**
               * At most this many years old
               */
              max?: number;
            }
          | {
              type: 'language';
              /**
               * The patient’s language; fr also matches fr-CA. Patients without one have the clinic’s
               */
              language: string;
            }
          | {
              type: 'channel';
              /**
               * Patients Careline can reach on this channel
               */
              channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
            }
          | {
              type: 'appointment';
              /**
               * With this practitioner; any when left out
               */
              practitioner_id?: string;
              /**
               * Of this appointment type; any when left out
               */
              appointment_type_id?: string;
              /**
               * When, on the clinic’s calendar: weeks start on Monday; `dates` takes from and to
               */
              window: 'next_7_days' | 'this_week' | 'next_week' | 'next_30_days' | 'dates';
              /**
               * A date, YYYY-MM-DD, on the clinic’s calendar
               */
              from?: string;
              /**
               * A date, YYYY-MM-DD, on the clinic’s calendar
               */
              to?: string;
            }
          | {
              type: 'no_show';
              /**
               * Missed an appointment in the last this many months
               */
              months: number;
            }
          | {
              type: 'intake_complaint';
              /**
               * Words of the complaint the patient gave (case and accents do not matter)
               */
              contains: string;
              /**
               * The intake flow; symptom_intake when left out
               */
              flow_key?: string;
              /**
               * Answered in the last this many months
               */
              months?: number;
            }
        )[];
      }
  )[];
}
export interface NewPharmacy {
  name: string;
  address?: string | null;
  language?: 'fr' | 'en';
  reach:
    | {
        kind: 'channel';
        channel_type: string;
        /**
         * The pharmacy’s number (+33…) or its id on the channel
         */
        address: string;
        channel_account_id: string;
      }
    | {
        kind: 'careline';
        /**
         * The pairing code the pharmacy’s Careline org issued (PH-XXXX-XXXX-XXXX)
         */
        link_code: string;
      };
  active?: boolean;
}
export interface NewPrescriptionOrder {
  contact_id: string;
  pharmacy_id: string;
  fulfilment: 'pickup' | 'delivery';
  delivery_address?: string | null;
  note?: string | null;
  /**
   * @minItems 1
   * @maxItems 20
   */
  items: {
    medication: string;
    strength?: string | null;
    form?: string | null;
    /**
     * e.g. "2 boîtes", "1"
     */
    quantity: string;
    posology: string;
    substitution_allowed: boolean;
  }[];
}
export interface NewStaffMember {
  name: string;
  email: string;
  role: 'admin' | 'supervisor' | 'agent' | 'clinician' | 'auditor';
  /**
   * Most open conversations automatic assignment gives this person
   */
  capacity?: number;
  /**
   * Left out: Careline generates one and returns it once
   */
  password?: string;
}
export interface NewStockNotice {
  pharmacy_id?: string;
  medication: string;
  strength?: string | null;
  form?: string | null;
  status: 'short' | 'back';
  message?: string | null;
  starts_at?: string;
  expires_at?: string;
}
export interface NewWebhookSubscription {
  /**
   * Where events are POSTed: https (http only to a host in OUTBOUND_ALLOWED_HOSTS)
   */
  url: string;
  events: unknown;
  active: boolean;
  description: string;
  /**
   * Message events carry the message text (patient data leaves Careline: off by default)
   */
  include_message_text: boolean;
}
export interface NewWebhookSubscriptionInput {
  /**
   * Where events are POSTed: https (http only to a host in OUTBOUND_ALLOWED_HOSTS)
   */
  url: string;
  /**
   * @minItems 1
   * @maxItems 18
   */
  events: (
    | 'message.received'
    | 'message.sent'
    | 'message.status_changed'
    | 'conversation.opened'
    | 'conversation.assigned'
    | 'conversation.closed'
    | 'red_flag.raised'
    | 'red_flag.acknowledged'
    | 'appointment.booked'
    | 'appointment.moved'
    | 'appointment.cancelled'
    | 'appointment.attended'
    | 'appointment.no_show'
    | 'reminder.sent'
    | 'reminder.answered'
    | 'consent.changed'
    | 'csat.answered'
    | 'patient.merged'
  )[];
  active?: boolean;
  description?: string;
  /**
   * Message events carry the message text (patient data leaves Careline: off by default)
   */
  include_message_text?: boolean;
}
export interface OutboundAudioMessage {
  type: 'audio';
  media: OutboundMediaRef;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
  /**
   * A voice note
   */
  voice?: boolean;
}
export interface OutboundButtonsMessage {
  type: 'buttons';
  body: string;
  header?: OutboundInteractiveHeader;
  footer?: string;
  /**
   * @minItems 1
   * @maxItems 13
   */
  buttons: {
    id: string;
    title: string;
  }[];
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundContactCard {
  name: {
    formattedName: string;
    firstName?: string;
    lastName?: string;
  };
  /**
   * @maxItems 20
   */
  phones?: {
    phone: string;
    /**
     * CELL, MAIN, HOME, WORK...
     */
    type?: string;
    waId?: string;
  }[];
  /**
   * @maxItems 20
   */
  emails?: {
    email: string;
    /**
     * HOME, WORK...
     */
    type?: string;
  }[];
}
export interface OutboundContactCardInput {
  name: {
    formattedName: string;
    firstName?: string;
    lastName?: string;
  };
  /**
   * @maxItems 20
   */
  phones?: {
    phone: string;
    /**
     * CELL, MAIN, HOME, WORK...
     */
    type?: string;
    waId?: string;
  }[];
  /**
   * @maxItems 20
   */
  emails?: {
    email: string;
    /**
     * HOME, WORK...
     */
    type?: string;
  }[];
}
export interface OutboundContactsMessage {
  type: 'contacts';
  /**
   * @minItems 1
   * @maxItems 100
   */
  contacts: OutboundContactCard[];
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundCtaUrlMessage {
  type: 'ctaUrl';
  body: string;
  header?: OutboundInteractiveHeader;
  footer?: string;
  /**
   * The label of the link button
   */
  displayText: string;
  url: string;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundCtaUrlMessageInput {
  type: 'ctaUrl';
  body: string;
  header?: OutboundInteractiveHeaderInput;
  footer?: string;
  /**
   * The label of the link button
   */
  displayText: string;
  url: string;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundDocumentMessage {
  type: 'document';
  media: OutboundMediaRef;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
  caption?: string;
  fileName?: string;
}
export interface OutboundImageMessage {
  type: 'image';
  media: OutboundMediaRef;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
  caption?: string;
}
export interface OutboundListMessage {
  type: 'list';
  body: string;
  header?: OutboundInteractiveHeader;
  footer?: string;
  /**
   * The button that opens the list
   */
  buttonLabel: string;
  /**
   * @minItems 1
   * @maxItems 10
   */
  sections: {
    title?: string;
    /**
     * @minItems 1
     * @maxItems 10
     */
    rows: {
      id: string;
      title: string;
      description?: string;
    }[];
  }[];
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundLocationMessage {
  type: 'location';
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundTextMessage {
  type: 'text';
  text: string;
  previewUrl?: boolean;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundVideoMessage {
  type: 'video';
  media: OutboundMediaRef;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
  caption?: string;
}
export interface OutboundStickerMessage {
  type: 'sticker';
  media: OutboundMediaRef;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundReactionMessage {
  type: 'reaction';
  /**
   * The message reacted to: a Careline message id or the provider’s id
   */
  targetMessageId: string;
  /**
   * The provider’s id of that message, when already known
   */
  targetExternalId?: string;
  /**
   * One emoji; an empty string removes the reaction
   */
  emoji: string;
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface OutboundTemplateMessage {
  type: 'template';
  name: string;
  /**
   * As approved, e.g. en_US
   */
  language: string;
  components?: {
    header?: OutboundTemplateHeader;
    body?:
      | string[]
      | {
          [k: string]: string | undefined;
        };
    /**
     * @maxItems 10
     */
    buttons?: OutboundTemplateButton[];
  };
  /**
   * The message this one quotes (a Careline message id)
   */
  replyToMessageId?: string;
}
export interface PatientChannel {
  channel_account_id: string;
  channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  /**
   * The clinic’s name for the account (e.g. “WhatsApp reception”)
   */
  name: string;
  /**
   * The patient’s live conversation there, where a message goes; null: sending opens one
   */
  conversation_id: string | null;
  /**
   * The account of the conversation asked about
   */
  current: boolean;
  window: ConversationWindow;
  /**
   * When the patient last wrote on this account
   */
  last_wrote_at: string | null;
}
export interface PatientGroup {
  id: string;
  name: string;
  description: string | null;
  kind: 'static' | 'dynamic';
  /**
   * The rules of a dynamic group; null for a static one
   */
  definition: SegmentDefinition1 | null;
  /**
   * A static group’s members; null for a dynamic one
   */
  member_count: number | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}
export interface SegmentDefinition1 {
  /**
   * all: every rule holds; any: at least one does
   */
  match: 'all' | 'any';
  /**
   * @minItems 1
   * @maxItems 30
   */
  rules: (
    | {
        type: 'tag';
        /**
         * Whether the patient has the tag, or has not
         */
        op: 'has' | 'has_not';
        /**
         * The tag, as shown on the patient (case does not matter)
         */
        tag: string;
      }
    | {
        type: 'custom_field';
        /**
         * The custom field’s name (case does not matter)
         */
        key: string;
        op: 'equals' | 'contains' | 'is_set';
        /**
         * What the value equals or contains (case and accents do not matter); not for is_set
         */
        value?: string;
      }
    | {
        type: 'age';
        /**
         * At least this many years old
         */
        min?: number;
        /**
         * At most this many years old
         */
        max?: number;
      }
    | {
        type: 'language';
        /**
         * The patient’s language; fr also matches fr-CA. Patients without one have the clinic’s
         */
        language: string;
      }
    | {
        type: 'channel';
        /**
         * Patients Careline can reach on this channel
         */
        channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
      }
    | {
        type: 'appointment';
        /**
         * With this practitioner; any when left out
         */
        practitioner_id?: string;
        /**
         * Of this appointment type; any when left out
         */
        appointment_type_id?: string;
        /**
         * When, on the clinic’s calendar: weeks start on Monday; `dates` takes from and to
         */
        window: 'next_7_days' | 'this_week' | 'next_week' | 'next_30_days' | 'dates';
        /**
         * A date, YYYY-MM-DD, on the clinic’s calendar
         */
        from?: string;
        /**
         * A date, YYYY-MM-DD, on the clinic’s calendar
         */
        to?: string;
      }
    | {
        type: 'no_show';
        /**
         * Missed an appointment in the last this many months
         */
        months: number;
      }
    | {
        type: 'intake_complaint';
        /**
         * Words of the complaint the patient gave (case and accents do not matter)
         */
        contains: string;
        /**
         * The intake flow; symptom_intake when left out
         */
        flow_key?: string;
        /**
         * Answered in the last this many months
         */
        months?: number;
      }
    | {
        type: 'group';
        /**
         * all: every rule holds; any: at least one does
         */
        match: 'all' | 'any';
        /**
         * @minItems 1
         * @maxItems 20
         */
        rules: (
          | {
              type: 'tag';
              /**
               * Whether the patient has the tag, or has not
               */
              op: 'has' | 'has_not';
              /**
               * The tag, as shown on the patient (case does not matter)
               */
              tag: string;
            }
          | {
              type: 'custom_field';
              /**
               * The custom field’s name (case does not matter)
               */
              key: string;
              op: 'equals' | 'contains' | 'is_set';
              /**
               * What the value equals or contains (case and accents do not matter); not for is_set
               */
              value?: string;
            }
          | {
              type: 'age';
              /**
               * At least this many years old
               */
              min?: number;
              /**
               * At most this many years old
               */
              max?: number;
            }
          | {
              type: 'language';
              /**
               * The patient’s language; fr also matches fr-CA. Patients without one have the clinic’s
               */
              language: string;
            }
          | {
              type: 'channel';
              /**
               * Patients Careline can reach on this channel
               */
              channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
            }
          | {
              type: 'appointment';
              /**
               * With this practitioner; any when left out
               */
              practitioner_id?: string;
              /**
               * Of this appointment type; any when left out
               */
              appointment_type_id?: string;
              /**
               * When, on the clinic’s calendar: weeks start on Monday; `dates` takes from and to
               */
              window: 'next_7_days' | 'this_week' | 'next_week' | 'next_30_days' | 'dates';
              /**
               * A date, YYYY-MM-DD, on the clinic’s calendar
               */
              from?: string;
              /**
               * A date, YYYY-MM-DD, on the clinic’s calendar
               */
              to?: string;
            }
          | {
              type: 'no_show';
              /**
               * Missed an appointment in the last this many months
               */
              months: number;
            }
          | {
              type: 'intake_complaint';
              /**
               * Words of the complaint the patient gave (case and accents do not matter)
               */
              contains: string;
              /**
               * The intake flow; symptom_intake when left out
               */
              flow_key?: string;
              /**
               * Answered in the last this many months
               */
              months?: number;
            }
        )[];
      }
  )[];
}
export interface PatientGroupChange {
  name?: string;
  description?: string | null;
  definition?: SegmentDefinition1;
}
export interface PatientGroupPreview {
  /**
   * How many patients the group holds now
   */
  size: number;
  /**
   * The first 20 of them, at most
   */
  sample: GroupPatient[];
}
export interface PatientGroupPreviewRequest {
  definition: SegmentDefinition1;
}
export interface Pharmacy {
  id: string;
  name: string;
  address: string | null;
  /**
   * The language of the order messages on a channel
   */
  language: 'fr' | 'en';
  reach: PharmacyChannelReach | PharmacyCarelineReach;
  active: boolean;
  created_at: string;
  updated_at: string;
}
export interface PharmacyChannelReach {
  kind: 'channel';
  channel_type: string;
  /**
   * The pharmacy’s number (+ and digits) or id on the channel
   */
  address: string;
  /**
   * Which of the clinic’s numbers writes to it
   */
  channel_account_id: string;
}
export interface PharmacyCarelineReach {
  kind: 'careline';
  org_id: string;
  org_name: string | null;
}
export interface PharmacyChange {
  name?: string;
  address?: string | null;
  language?: 'fr' | 'en';
  reach?:
    | {
        kind: 'channel';
        channel_type: string;
        /**
         * The pharmacy’s number (+33…) or its id on the channel
         */
        address: string;
        channel_account_id: string;
      }
    | {
        kind: 'careline';
        /**
         * The pairing code the pharmacy’s Careline org issued (PH-XXXX-XXXX-XXXX)
         */
        link_code: string;
      };
  active?: boolean;
}
export interface PharmacyLinkCode {
  /**
   * Give it to one clinic: single use
   */
  code: string;
  expires_at: string;
}
export interface PharmacyOrder {
  id: string;
  reference: string;
  clinic: {
    org_id: string;
    name: string;
  };
  patient: {
    name: string | null;
  };
  fulfilment: 'pickup' | 'delivery';
  delivery_address: string | null;
  note: string | null;
  status: 'preparation' | 'in-progress' | 'on-hold' | 'completed' | 'declined' | 'cancelled';
  step:
    | 'sent'
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined'
    | 'cancelled';
  next_steps: (
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined'
  )[];
  ready_at: string | null;
  eta: string | null;
  decline_reason: string | null;
  items: PrescriptionOrderItem[];
  created_at: string;
  updated_at: string;
}
export interface PrescriptionOrderItem {
  id: string;
  medication: string;
  strength: string | null;
  form: string | null;
  quantity: string;
  posology: string;
  substitution_allowed: boolean;
  /**
   * pending until the pharmacy answers
   */
  availability: 'pending' | 'available' | 'unavailable';
  /**
   * What the pharmacy proposed instead of a missing medicine, and the clinic’s decision
   */
  substitute: {
    medication: string;
    strength: string | null;
    form: string | null;
    decision: 'proposed' | 'accepted' | 'refused';
  } | null;
}
export interface PharmacyOrderResponse {
  step:
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined';
  ready_at?: string | null;
  eta?: string | null;
  reason?: string | null;
  /**
   * @maxItems 20
   */
  items?: {
    item_id: string;
    available: boolean;
    substitute?: {
      medication: string;
      strength?: string | null;
      form?: string | null;
    } | null;
  }[];
}
export interface Practitioner {
  id: string;
  name: string;
  specialty: string;
  languages: string[];
  user_id: string | null;
  active: boolean;
  /**
   * Shown to administrators only: a private calendar link is a secret
   */
  busy_calendar_url: string | null;
  busy_calendar: {
    url_set: boolean;
    /**
     * Where the busy times that block slots come from; null: none
     */
    cached: ('url' | 'upload') | null;
    refreshed_at: string | null;
    /**
     * Why the last refresh failed; the last good copy is kept
     */
    error: string | null;
  };
  /**
   * Whether an iCalendar feed token was made
   */
  calendar_feed: boolean;
  created_at: string;
}
export interface PrescriptionOrder {
  id: string;
  /**
   * Short reference the pharmacist can type back (R7K2Q)
   */
  reference: string;
  contact_id: string;
  pharmacy: {
    id: string;
    name: string;
    reach_kind: 'channel' | 'careline';
  };
  fulfilment: 'pickup' | 'delivery';
  delivery_address: string | null;
  note: string | null;
  /**
   * FHIR MedicationDispense.status
   */
  status: 'preparation' | 'in-progress' | 'on-hold' | 'completed' | 'declined' | 'cancelled';
  step:
    | 'sent'
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined'
    | 'cancelled';
  /**
   * The answers the pharmacy may give now
   */
  next_steps: (
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined'
  )[];
  ready_at: string | null;
  eta: string | null;
  decline_reason: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  items: PrescriptionOrderItem[];
  /**
   * The timeline, oldest first
   */
  events: PrescriptionOrderEvent[];
}
export interface PrescriptionOrderEvent {
  id: string;
  at: string;
  kind:
    | 'sent'
    | 'not_delivered'
    | 'response'
    | 'substitute_decision'
    | 'cancelled'
    | 'patient_notified'
    | 'patient_not_notified'
    | 'question_asked';
  /**
   * The step the order reached by this event
   */
  step:
    | (
        | 'sent'
        | 'available'
        | 'partly_available'
        | 'unavailable'
        | 'ready_for_pickup'
        | 'out_for_delivery'
        | 'handed_over'
        | 'declined'
        | 'cancelled'
      )
    | null;
  actor: {
    kind: 'user' | 'api_key' | 'pharmacy' | 'system';
    user_id: string | null;
    api_key_id: string | null;
  };
  detail: {
    via?: 'channel' | 'careline' | 'api';
    ready_at?: string;
    eta?: string;
    reason?: string;
    /**
     * What the pharmacist typed
     */
    text?: string;
    item_ids?: string[];
    item_id?: string;
    accepted?: boolean;
    /**
     * Where the patient was told
     */
    channel?: string;
    /**
     * The approved template the patient was told with, outside the channel’s window
     */
    template?: string;
    /**
     * Why the patient was not told (no_consent, no_conversation_on_a_consented_channel, window_closed…) or the pharmacy not reached (window_closed_no_template, channel_unavailable…)
     */
    why?: string;
  } | null;
}
export interface PrescriptionOrderSummary {
  id: string;
  /**
   * Short reference the pharmacist can type back (R7K2Q)
   */
  reference: string;
  contact_id: string;
  pharmacy: {
    id: string;
    name: string;
    reach_kind: 'channel' | 'careline';
  };
  fulfilment: 'pickup' | 'delivery';
  delivery_address: string | null;
  note: string | null;
  /**
   * FHIR MedicationDispense.status
   */
  status: 'preparation' | 'in-progress' | 'on-hold' | 'completed' | 'declined' | 'cancelled';
  step:
    | 'sent'
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined'
    | 'cancelled';
  /**
   * The answers the pharmacy may give now
   */
  next_steps: (
    | 'available'
    | 'partly_available'
    | 'unavailable'
    | 'ready_for_pickup'
    | 'out_for_delivery'
    | 'handed_over'
    | 'declined'
  )[];
  ready_at: string | null;
  eta: string | null;
  decline_reason: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  items: PrescriptionOrderItem[];
}
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: {
    field: string;
    message: string;
  }[];
}
export interface RecoveryCodes {
  /**
   * Ten single-use codes for when the phone is not at hand: shown this once, stored only hashed
   */
  recovery_codes: string[];
}
export interface RedFlag {
  id: string;
  conversation_id: string;
  contact_id: string;
  message_id: string;
  category:
    | 'loss_of_consciousness'
    | 'breathing_difficulty'
    | 'chest_pain'
    | 'stroke_signs'
    | 'severe_allergy'
    | 'heavy_bleeding'
    | 'seizure'
    | 'meningitis_signs'
    | 'sepsis_signs'
    | 'infant_fever'
    | 'pregnancy_emergency'
    | 'poisoning_overdose'
    | 'severe_head_injury'
    | 'severe_burn'
    | 'severe_abdominal_pain'
    | 'suicidal_thoughts';
  /**
   * Every sign the message raised, most urgent first
   */
  categories: string[];
  /**
   * The patient's words that raised it
   */
  words: string;
  raised_at: string;
  /**
   * Who had the conversation: automation, or a person of the team (null: not answered yet)
   */
  handled_by: ('automation' | 'staff') | null;
  /**
   * The emergency advice sent to the patient
   */
  advice_message_id: string | null;
  /**
   * Why no advice was sent: clinic_setting, already_sent (recently, same sign), refused
   */
  advice_skipped_reason: string | null;
  acknowledged_at: string | null;
  acknowledged_by_user_id: string | null;
  seconds_to_acknowledgement: number | null;
}
export interface RedFlagReport {
  from: string;
  to: string;
  total: {
    category: string;
    count: number;
    acknowledged: number;
    p50_seconds_to_acknowledgement: number | null;
    p90_seconds_to_acknowledgement: number | null;
  };
  categories: {
    category: string;
    count: number;
    acknowledged: number;
    p50_seconds_to_acknowledgement: number | null;
    p90_seconds_to_acknowledgement: number | null;
  }[];
}
export interface RedFlagsReport {
  from: string;
  to: string;
  team_id: string | null;
  total: {
    count: number;
    acknowledged: number;
    unacknowledged: number;
    p50_seconds_to_acknowledgement: number | null;
    p90_seconds_to_acknowledgement: number | null;
  };
  categories: {
    category: string;
    count: number;
    acknowledged: number;
    unacknowledged: number;
    p50_seconds_to_acknowledgement: number | null;
    p90_seconds_to_acknowledgement: number | null;
  }[];
}
export interface ReminderFunnelReport {
  from: string;
  to: string;
  team_id: string | null;
  /**
   * Appointments with a reminder sent in the period
   */
  sent: number;
  /**
   * Of those, appointments one of whose reminders was delivered or read
   */
  delivered: number;
  /**
   * Of those sent, appointments whose patient answered a reminder
   */
  answered: number;
  confirmed: number;
  cancelled: number;
  rescheduled: number;
  /**
   * Of those sent, appointments whose time has come, not marked no-show
   */
  attended: number;
  no_shows: number;
}
export interface ReminderPolicy {
  enabled: boolean;
  /**
   * How long before the appointment each reminder goes, in minutes (2880 = 48 h)
   *
   * @minItems 1
   * @maxItems 4
   */
  offsets_minutes: number[];
  /**
   * No reminder between these times on the clinic’s clock (start after end runs overnight): it goes out earlier instead
   */
  quiet_hours: {
    start: string;
    end: string;
  } | null;
  /**
   * The approved UTILITY template sent when the 24-hour window is closed
   */
  template_name: string;
  /**
   * An appointment not marked arrived this long after its start is flagged on the agenda
   */
  late_after_minutes: number;
  /**
   * The channels reminders and booking notices go on, first choice first; when the first cannot carry one (no id of the patient there, no consent, template paused or rejected, not on WhatsApp, LINE quota reached), the next where the patient agreed takes over, once. Empty: the channel of the patient’s latest conversation
   *
   * @maxItems 7
   */
  channel_order: ('whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms')[];
  /**
   * null: the defaults apply
   */
  updated_at: string | null;
}
export interface ReminderPolicyChange {
  enabled: boolean;
  /**
   * How long before the appointment each reminder goes, in minutes (2880 = 48 h)
   *
   * @minItems 1
   * @maxItems 4
   */
  offsets_minutes: number[];
  /**
   * No reminder between these times on the clinic’s clock (start after end runs overnight): it goes out earlier instead
   */
  quiet_hours: {
    start: string;
    end: string;
  } | null;
  /**
   * The approved UTILITY template sent when the 24-hour window is closed
   */
  template_name: string;
  /**
   * An appointment not marked arrived this long after its start is flagged on the agenda
   */
  late_after_minutes: number;
  /**
   * Absent: unchanged
   *
   * @maxItems 7
   */
  channel_order?: ('whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms')[];
}
export interface ReminderReport {
  from: string;
  to: string;
  reminders: {
    sent: number;
    /**
     * Patients who tapped Confirm (or typed it) on a reminder
     */
    confirmed: number;
    /**
     * Appointments cancelled from a reminder
     */
    cancelled: number;
    /**
     * Patients who asked to move the appointment from a reminder
     */
    rescheduled: number;
    /**
     * Not sent: the patient agreed to reminders on no channel
     */
    skipped_no_consent: number;
    /**
     * Held, not sent: the only channels the patient agreed on were Messenger or Instagram, whose 24-hour window had closed (nothing automated may go after it)
     */
    skipped_channel_window_closed: number;
    /**
     * Held, not sent: the LINE account’s monthly push quota would have been exceeded and no other channel the patient agreed on could take it
     */
    skipped_line_quota_reached: number;
    /**
     * Reminders sent in the period, per channel that carried them
     */
    sent_by_channel: {
      channel: string;
      sent: number;
    }[];
    /**
     * Reminders (due in the period) the clinic’s first channel could not carry, taken over by the next one, by reason: no_channel, no_consent, channel_window_closed, template_unavailable, not_on_whatsapp, line_quota_reached
     */
    fallbacks: {
      reason: string;
      count: number;
    }[];
  };
  practitioners: {
    appointments: number;
    no_shows: number;
    /**
     * no_shows / appointments; null without appointments
     */
    no_show_rate: number | null;
    practitioner_id: string;
    name: string;
    with_confirmed_reminder: {
      appointments: number;
      no_shows: number;
      /**
       * no_shows / appointments; null without appointments
       */
      no_show_rate: number | null;
    };
    without_confirmed_reminder: {
      appointments: number;
      no_shows: number;
      /**
       * no_shows / appointments; null without appointments
       */
      no_show_rate: number | null;
    };
  }[];
}
export interface ResponseTimesReport {
  from: string;
  to: string;
  team_id: string | null;
  first_response: {
    total: {
      /**
       * Conversations measured
       */
      count: number;
      /**
       * Median, seconds; null when nothing was measured
       */
      p50_seconds: number | null;
      /**
       * 90th percentile, seconds
       */
      p90_seconds: number | null;
    };
    teams: {
      team_id: string | null;
      name: string | null;
      /**
       * Conversations measured
       */
      count: number;
      /**
       * Median, seconds; null when nothing was measured
       */
      p50_seconds: number | null;
      /**
       * 90th percentile, seconds
       */
      p90_seconds: number | null;
    }[];
    agents: {
      user_id: string | null;
      name: string | null;
      /**
       * Conversations measured
       */
      count: number;
      /**
       * Median, seconds; null when nothing was measured
       */
      p50_seconds: number | null;
      /**
       * 90th percentile, seconds
       */
      p90_seconds: number | null;
    }[];
  };
  resolution: {
    total: {
      /**
       * Conversations measured
       */
      count: number;
      /**
       * Median, seconds; null when nothing was measured
       */
      p50_seconds: number | null;
      /**
       * 90th percentile, seconds
       */
      p90_seconds: number | null;
    };
    teams: {
      team_id: string | null;
      name: string | null;
      /**
       * Conversations measured
       */
      count: number;
      /**
       * Median, seconds; null when nothing was measured
       */
      p50_seconds: number | null;
      /**
       * 90th percentile, seconds
       */
      p90_seconds: number | null;
    }[];
    agents: {
      user_id: string | null;
      name: string | null;
      /**
       * Conversations measured
       */
      count: number;
      /**
       * Median, seconds; null when nothing was measured
       */
      p50_seconds: number | null;
      /**
       * 90th percentile, seconds
       */
      p90_seconds: number | null;
    }[];
  };
}
export interface RetentionPolicy {
  /**
   * Message text, captions and details older than this are erased daily; null keeps them
   */
  message_text_months: number | null;
  /**
   * Files older than this are erased daily; null keeps them
   */
  file_months: number | null;
  /**
   * When the policy was last applied and what it erased then
   */
  last_run: {
    at: string;
    texts: number;
    files: number;
  } | null;
}
export interface SafetySettings {
  emergency_numbers: {
    /**
     * The medical emergency number: 15 in France, 999 in the UK, 911 in the US
     */
    emergency: string;
    /**
     * A second emergency number, e.g. 112 (all of the EU)
     */
    european?: string;
    /**
     * The suicide prevention line: 3114 in France, 988 in the US
     */
    suicide?: string;
  };
  /**
   * When a person handles the conversation, the patient still gets the emergency advice at once (default true)
   */
  advise_when_staff_handles: boolean;
}
export interface Schedule {
  id: string;
  practitioner_id: string;
  location_id: string;
  hours: {
    day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
    start: string;
    end: string;
  }[];
  breaks: {
    day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
    start: string;
    end: string;
  }[];
  exceptions: (
    | {
        kind: 'closed';
        date: string;
        reason?: string;
      }
    | {
        kind: 'hours';
        date: string;
        /**
         * @minItems 1
         * @maxItems 48
         */
        hours: {
          start: string;
          end: string;
        }[];
        reason?: string;
      }
  )[];
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}
export interface SearchResults {
  messages: {
    message_id: string;
    conversation_id: string;
    contact: ContactRef;
    occurred_at: string;
    /**
     * Plain text around the first match, matched words between ⟦ and ⟧; "…" where cut
     */
    snippet: string;
  }[];
  contacts: ContactRef[];
}
export interface SecondFactorRequired {
  two_factor_required: true;
  /**
   * Send it to POST /auth/login/two-factor with the code; it is not a session and opens nothing else
   */
  challenge_token: string;
  /**
   * The code must be sent before this (5 minutes)
   */
  expires_at: string;
}
export interface SignedIn {
  user: {
    id: string;
    email: string;
    name: string | null;
    role: 'admin' | 'supervisor' | 'agent' | 'clinician' | 'auditor';
    /**
     * What the role may do (README › Roles): the web app shows only what these allow
     */
    permissions: (
      | 'conversations.read'
      | 'conversations.write'
      | 'conversations.all'
      | 'medical.read'
      | 'contacts.read'
      | 'contacts.write'
      | 'media.read'
      | 'media.write'
      | 'appointments.read'
      | 'appointments.write'
      | 'clinic.read'
      | 'staff.read'
      | 'teams.manage'
      | 'canned-replies.manage'
      | 'reports.read'
      | 'exports.read'
      | 'groups.manage'
      | 'broadcasts.manage'
      | 'prescriptions.read'
      | 'prescriptions.write'
      | 'settings.manage'
      | 'staff.manage'
      | 'audit.read'
      | 'privacy.manage'
      | 'account.own'
    )[];
    /**
     * Interface language; null = the browser’s
     */
    language: string | null;
    org: {
      id: string;
      name: string;
      slug: string;
      time_zone: string;
      /**
       * A pharmacy answers the prescription orders of its clinics
       */
      kind: 'clinic' | 'pharmacy';
    };
    /**
     * Signs in with a code from an authenticator app
     */
    two_factor_enabled: boolean;
  };
  /**
   * The clinic requires two-factor sign-in of this person, not set up yet: until it is, every route but /auth/two-factor* answers 403
   */
  two_factor_enrolment_required: boolean;
  /**
   * Send it back in the X-CSRF-Token header with every POST, PUT, PATCH and DELETE
   */
  csrf_token: string;
}
export interface Slot {
  /**
   * ISO 8601, UTC
   */
  start: string;
  end: string;
  practitioner: {
    id: string;
    name: string;
  };
  location: {
    id: string;
    name: string;
  };
  /**
   * The zone to show the time in: the place’s
   */
  time_zone: string;
}
export interface SmsSegments {
  /**
   * GSM-7 when every character is of the GSM alphabet
   */
  encoding: 'GSM-7' | 'UCS-2';
  /**
   * Septets (GSM-7, the extension table counting two) or UTF-16 code units (UCS-2)
   */
  units: number;
  /**
   * How many SMS the text is carried and billed as
   */
  segments: number;
  /**
   * What one SMS holds in this encoding: 160 or 153, 70 or 67
   */
  per_segment: number;
  /**
   * Room left in the last SMS
   */
  remaining: number;
  /**
   * The characters that made the text UCS-2, each once
   */
  non_gsm: string[];
}
export interface StaffConsent {
  channel: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  purpose: 'appointment_reminders' | 'health_information' | 'pharmacy_notifications' | 'marketing';
  granted: boolean;
  text_shown: string;
}
export interface StaffConsentInput {
  channel?: 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';
  purpose: 'appointment_reminders' | 'health_information' | 'pharmacy_notifications' | 'marketing';
  granted: boolean;
  text_shown: string;
}
export interface StaffMember {
  id: string;
  name: string | null;
  email: string;
  role: 'admin' | 'supervisor' | 'agent' | 'clinician' | 'auditor';
  /**
   * Seen in the inbox within the last 2 minutes
   */
  online: boolean;
  last_seen_at: string | null;
  /**
   * Open conversations assigned to this person
   */
  open_conversations: number;
  /**
   * Most open conversations automatic assignment gives this person
   */
  capacity: number;
  /**
   * Signs in with a code from an authenticator app
   */
  two_factor_enabled: boolean;
  /**
   * Only on deactivated members: since when they can no longer sign in
   */
  deactivated_at?: string;
}
export interface StaffMemberWithPassword {
  id: string;
  name: string | null;
  email: string;
  role: 'admin' | 'supervisor' | 'agent' | 'clinician' | 'auditor';
  /**
   * Seen in the inbox within the last 2 minutes
   */
  online: boolean;
  last_seen_at: string | null;
  /**
   * Open conversations assigned to this person
   */
  open_conversations: number;
  /**
   * Most open conversations automatic assignment gives this person
   */
  capacity: number;
  /**
   * Signs in with a code from an authenticator app
   */
  two_factor_enabled: boolean;
  /**
   * Only on deactivated members: since when they can no longer sign in
   */
  deactivated_at?: string;
  /**
   * Only when Careline chose the password: shown this once, stored nowhere in clear
   */
  generated_password?: string;
}
export interface StaffPatch {
  name?: string;
  role?: 'admin' | 'supervisor' | 'agent' | 'clinician' | 'auditor';
  /**
   * Most open conversations automatic assignment gives this person
   */
  capacity?: number;
  /**
   * false deactivates: no sign-in, sessions end, conversations go back to their team; true reactivates with a new password (given, or generated and returned once)
   */
  active?: boolean;
  /**
   * A new password; the member’s sessions end
   */
  password?: string;
}
export interface StockNotice {
  id: string;
  /**
   * The pharmacy the notice is about
   */
  pharmacy: {
    /**
     * The clinic’s partner pharmacy; null when a pharmacy reads its own
     */
    id: string | null;
    name: string;
  };
  medication: string;
  strength: string | null;
  form: string | null;
  /**
   * short: missing or soon missing; back: available again
   */
  status: 'short' | 'back';
  message: string | null;
  starts_at: string;
  expires_at: string;
  withdrawn_at: string | null;
  /**
   * Started, not expired, not withdrawn
   */
  active: boolean;
  /**
   * Published by the pharmacy on Careline, or recorded by the clinic from what the pharmacy said
   */
  recorded_by: 'pharmacy' | 'clinic';
  /**
   * The reader wrote it
   */
  can_withdraw: boolean;
  created_at: string;
}
export interface Team {
  id: string;
  name: string;
  /**
   * manual: nobody is picked; round_robin: online members in turn; least_open: the online member with the fewest open conversations. Automatic modes skip members at capacity.
   */
  assignment_mode: 'manual' | 'round_robin' | 'least_open';
  members: {
    id: string;
    name: string | null;
  }[];
  created_at: string;
}
export interface Template {
  id: string;
  channel: string;
  business_account_id: string;
  name: string;
  language: string;
  category: string | null;
  /**
   * APPROVED, PENDING, REJECTED, PAUSED, DISABLED, DELETED
   */
  status: string;
  status_reason: string | null;
  parameter_format: string;
  components: TemplateComponent[];
  synced_at: string | null;
}
export interface TemplateComponent {
  /**
   * HEADER, BODY, FOOTER, BUTTONS
   */
  type: string;
  text?: string;
  /**
   * A header’s kind: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION
   */
  format?: string;
  buttons?: {
    type: string;
    text?: string;
    [k: string]: unknown | undefined;
  }[];
  [k: string]: unknown | undefined;
}
export interface TwoFactorEnrolment {
  /**
   * Base32, for typing into the app by hand
   */
  secret: string;
  /**
   * otpauth://totp/… (issuer Careline, your e-mail as label)
   */
  otpauth_uri: string;
  /**
   * The URI as a QR code: a data:image/png URL
   */
  qr_code: string;
}
export interface TwoFactorStatus {
  enabled: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
  /**
   * The clinic requires it of you: it cannot be turned off
   */
  required: boolean;
  /**
   * Who must sign in with a code: nobody (off), administrators, or everyone
   */
  clinic_policy: 'off' | 'admins' | 'everyone';
}
export interface WebhookDelivery {
  id: string;
  event_type: string;
  /**
   * The webhook-id header: the same for every attempt and replay
   */
  webhook_id: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  occurred_at: string;
  last_attempt_at: string | null;
  /**
   * When the next attempt is due (pending only)
   */
  next_attempt_at: string | null;
  response_status: number | null;
  duration_ms: number | null;
  /**
   * timeout, unreachable, HTTP 500…
   */
  error: string | null;
  /**
   * The first 200 characters of the last answer
   */
  response_excerpt: string | null;
  replay_of: string | null;
}
export interface WebhookReplayRange {
  from: string;
  to: string;
}
export interface WebhookSubscription {
  id: string;
  url: string;
  events: (
    | 'message.received'
    | 'message.sent'
    | 'message.status_changed'
    | 'conversation.opened'
    | 'conversation.assigned'
    | 'conversation.closed'
    | 'red_flag.raised'
    | 'red_flag.acknowledged'
    | 'appointment.booked'
    | 'appointment.moved'
    | 'appointment.cancelled'
    | 'appointment.attended'
    | 'appointment.no_show'
    | 'reminder.sent'
    | 'reminder.answered'
    | 'consent.changed'
    | 'csat.answered'
    | 'patient.merged'
  )[];
  active: boolean;
  description: string;
  include_message_text: boolean;
  /**
   * failing: Careline turned it off after every attempt at an event failed for 3 days
   */
  disabled_reason: 'failing' | null;
  created_at: string;
  updated_at: string;
}
export interface WebhookSubscriptionChange {
  /**
   * Where events are POSTed: https (http only to a host in OUTBOUND_ALLOWED_HOSTS)
   */
  url?: string;
  events?: unknown;
  active?: boolean;
  description?: string;
  /**
   * Message events carry the message text (patient data leaves Careline: off by default)
   */
  include_message_text?: boolean;
}
export interface WebhookSubscriptionChangeInput {
  /**
   * Where events are POSTed: https (http only to a host in OUTBOUND_ALLOWED_HOSTS)
   */
  url?: string;
  /**
   * @minItems 1
   * @maxItems 18
   */
  events?: (
    | 'message.received'
    | 'message.sent'
    | 'message.status_changed'
    | 'conversation.opened'
    | 'conversation.assigned'
    | 'conversation.closed'
    | 'red_flag.raised'
    | 'red_flag.acknowledged'
    | 'appointment.booked'
    | 'appointment.moved'
    | 'appointment.cancelled'
    | 'appointment.attended'
    | 'appointment.no_show'
    | 'reminder.sent'
    | 'reminder.answered'
    | 'consent.changed'
    | 'csat.answered'
    | 'patient.merged'
  )[];
  active?: boolean;
  description?: string;
  /**
   * Message events carry the message text (patient data leaves Careline: off by default)
   */
  include_message_text?: boolean;
}
export interface WebhookSubscriptionWithSecret {
  id: string;
  url: string;
  events: (
    | 'message.received'
    | 'message.sent'
    | 'message.status_changed'
    | 'conversation.opened'
    | 'conversation.assigned'
    | 'conversation.closed'
    | 'red_flag.raised'
    | 'red_flag.acknowledged'
    | 'appointment.booked'
    | 'appointment.moved'
    | 'appointment.cancelled'
    | 'appointment.attended'
    | 'appointment.no_show'
    | 'reminder.sent'
    | 'reminder.answered'
    | 'consent.changed'
    | 'csat.answered'
    | 'patient.merged'
  )[];
  active: boolean;
  description: string;
  include_message_text: boolean;
  /**
   * failing: Careline turned it off after every attempt at an event failed for 3 days
   */
  disabled_reason: 'failing' | null;
  created_at: string;
  updated_at: string;
  /**
   * whsec_…: verify signatures with it. Shown this once.
   */
  secret: string;
}
