import { describe, expect, it } from 'vitest';
import { carelineMediaIdsIn, carelineMediaReferencesIn } from './careline-media-ids.ts';

const A = '0b6f4d0e-1c1a-4f7e-9a55-5d1c2f3a4b01';
const B = '7c2e9a10-3b4d-4e5f-8a6b-9c0d1e2f3a02';

describe('carelineMediaReferencesIn', () => {
  it('finds every Careline media id with its field and the kind its place wants', () => {
    expect(carelineMediaReferencesIn({ type: 'image', media: { mediaId: A } })).toEqual([
      { field: 'media.mediaId', mediaId: A, wants: 'image', hasProviderId: false },
    ]);
    expect(
      carelineMediaReferencesIn({
        type: 'template',
        name: 'rappel',
        language: 'fr',
        components: { header: { type: 'document', mediaId: B, providerMediaId: '42' } },
      }),
    ).toEqual([{ field: 'components.header.mediaId', mediaId: B, wants: 'document', hasProviderId: true }]);
  });

  it('leaves out provider ids, and, for uploading, ids the provider already knows', () => {
    expect(carelineMediaReferencesIn({ type: 'audio', media: { mediaId: '1479537139650973' } })).toEqual([]);
    const message = {
      type: 'buttons',
      header: { type: 'image', mediaId: A, providerMediaId: '9' },
      media: { mediaId: B },
    };
    expect(carelineMediaIdsIn(message)).toEqual(new Set([B]));
  });
});
