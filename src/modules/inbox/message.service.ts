// What other modules may read or change of inbox: they call this service, never the repository.
export {
  adoptExternalId,
  claimInterruptedSend,
  findMessage,
  findMessagesByIds,
  inboundMessagesAfter,
  insertMessageIfNew,
  latestInboundMessage,
  messageIdsOfPatientSince,
  refuseQueuedMessages,
  setMessagesExternalIds,
  setMessagesStatus,
  staffWroteIn,
  updateMessageStatus,
} from './message.repository.ts';
