import { z } from 'zod';

/**
 * A file of a message as the timeline shows it, its name opened. The media module keeps the files and
 * hands them in (conversation-hooks.ts: AttachmentsOf); it answers its uploads in this shape too.
 */
export interface MessageAttachment {
  id: string;
  /** The patient's message it came with; null for an upload of the care team (named by the message that sends it). */
  messageId: string | null;
  kind: string;
  status: 'pending' | 'stored' | 'failed';
  mimeType: string | null;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
  error: string | null;
}

export const mediaJson = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(['pending', 'stored', 'failed']),
    mime_type: z.string().nullable(),
    file_name: z.string().nullable(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'Media' });

export function toMediaJson(file: Omit<MessageAttachment, 'messageId'>): z.infer<typeof mediaJson> {
  return {
    id: file.id,
    kind: file.kind,
    status: file.status,
    mime_type: file.mimeType,
    file_name: file.fileName,
    size: file.size,
    sha256: file.sha256,
    error: file.error,
  };
}
