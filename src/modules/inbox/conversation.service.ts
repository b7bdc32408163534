// What other modules may read or change of inbox: they call this service, never the repository.

export {
  clearUrgentAlert,
  conversationsOfContact,
  conversationsOfContacts,
  findConversation,
  findConversationsByIds,
  listConversationsPage,
  lockConversation,
  lockConversationById,
  markConversationUrgent,
  openConversationCounts,
  touchConversation,
  updateConversation,
} from './conversation.repository.ts';
export { isConversationVisibleTo } from './conversation-scope.repository.ts';
