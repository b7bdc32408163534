// What other modules may read or change of media: they call this service, never the repository.
export {
  findMediaFile,
  insertMediaFile,
  mediaOfMessages,
  recordMediaFailed,
  recordMediaStored,
  updateMediaFile,
} from './media.repository.ts';
