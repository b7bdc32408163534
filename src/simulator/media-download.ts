import type { MediaDownloadRecord } from './simulator-records.ts';

/** The answer behind a media URL: the file's pieces to stream, or 401 (token) / 404 (expired URL). */
export type MediaDownloadResponse =
  | { httpStatus: 200; mimeType: string; size: number; pieces: Iterable<Buffer> }
  | { httpStatus: 401 | 404 };

/** About what a CDN writes at a time. */
const PIECE_BYTES = 64 * 1024;

/**
 * A media file as Meta's media host sends it: in pieces, each made only when the connection wants
 * more, so `record.bytesServed` tells how much the client has read (give or take what the sockets
 * buffer). With `cutAfterBytes` the connection breaks there, as a dropped one does.
 */
export function* servedPieces(
  bytes: Buffer,
  record: MediaDownloadRecord,
  cutAfterBytes?: number,
): Generator<Buffer> {
  const end = Math.min(cutAfterBytes ?? bytes.length, bytes.length);
  while (record.bytesServed < end) {
    const piece = bytes.subarray(record.bytesServed, Math.min(record.bytesServed + PIECE_BYTES, end));
    record.bytesServed += piece.length;
    yield piece;
  }
  if (end < bytes.length) {
    record.outcome = 'cut_off';
    throw new Error(`media download cut off after ${end} bytes (cutMediaDownloadsAfterBytes)`);
  }
  record.outcome = 'served';
}
