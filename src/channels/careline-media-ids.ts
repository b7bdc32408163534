const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Careline media id in an outbound message, where it is, and the kind of file that place wants. */
export interface MediaIdReference {
  /** In the message's own terms: `media.mediaId`, `header.mediaId`, `components.header.mediaId`. */
  field: string;
  mediaId: string;
  /** `image`, `video`, `audio`, `document`, `sticker`: the message's or the header's type. */
  wants: string | null;
  /** The provider's id was given beside it: nothing needs uploading. */
  hasProviderId: boolean;
}

/**
 * The Careline media ids an outbound message points at (the media itself, an interactive or template
 * header). Ids already known at the provider (`providerMediaId` beside them) and ids that are not
 * Careline's (a provider's own media id) are left out.
 */
export function carelineMediaIdsIn(message: unknown): Set<string> {
  return new Set(
    carelineMediaReferencesIn(message)
      .filter((reference) => !reference.hasProviderId)
      .map((reference) => reference.mediaId),
  );
}

/** Every Careline media id (a UUID) the message points at, with its place, for checking before sending. */
export function carelineMediaReferencesIn(message: unknown): MediaIdReference[] {
  const found: MediaIdReference[] = [];
  collect(message, [], null, found);
  return found;
}

function collect(value: unknown, path: string[], wants: string | null, found: MediaIdReference[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      collect(item, [...path.slice(0, -1), `${path.at(-1) ?? ''}[${i}]`], wants, found);
    });
  } else if (typeof value === 'object' && value !== null) {
    const type = 'type' in value && typeof value.type === 'string' ? value.type : wants;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'mediaId' && typeof inner === 'string') {
        if (UUID.test(inner)) {
          const field = [...path, key].join('.');
          found.push({ field, mediaId: inner, wants: type, hasProviderId: 'providerMediaId' in value });
        }
      } else collect(inner, [...path, key], type, found);
    }
  }
}
