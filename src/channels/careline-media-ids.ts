const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Careline media ids an outbound message points at (the media itself, an interactive or template
 * header). Ids already known at the provider (`providerMediaId` beside them) and ids that are not
 * Careline's (a provider's own media id) are left out.
 */
export function carelineMediaIdsIn(message: unknown): Set<string> {
  const found = new Set<string>();
  collect(message, found);
  return found;
}

function collect(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collect(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'mediaId' && typeof inner === 'string') {
        if (!('providerMediaId' in value) && UUID.test(inner)) found.add(inner);
      } else collect(inner, found);
    }
  }
}
